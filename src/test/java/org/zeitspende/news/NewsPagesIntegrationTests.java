package org.zeitspende.news;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.NewsRows;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NewsPagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Tenant tenant;

	private String marker;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.marker = "m" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void postWrittenInTheConsole_isShownSanitised_withoutAnyScript() {
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		EntityExchangeResult<String> form = browser.get("/console/news/new");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("title", "Sommerfest <i>" + this.marker + "</i>");
		fields.add("body", "**Danke** an alle!\n\n<script>alert(1)</script>\n\n[Klick](javascript:alert(2))\n\n"
				+ "<img src=x onerror=alert(3)>");

		EntityExchangeResult<String> created = browser.post(form, "/console/news", fields);
		assertThat(created.getStatus().value()).isEqualTo(303);
		String list = browser.get("/console/news").getResponseBody();
		String path = list.replaceAll("(?s).*href=\"(/news/[0-9a-f-]{36})\">Sommerfest &lt;i&gt;" + this.marker + ".*",
				"$1");

		String post = page(path).getResponseBody();
		assertThat(post).contains("<h1>Sommerfest &lt;i&gt;" + this.marker, "<strong>Danke</strong>", "&lt;script&gt;")
			.doesNotContain("<script", "javascript:", "onerror=", "<img");
		assertThat(page("/news").getResponseBody()).contains(path, "href=\"/api/public/news.atom\"");
	}

	@Test
	void console_refusesAnEmptyBody_keepsTheTitle_andAFuturePostStaysHidden() {
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("title", "Vorschau " + this.marker);
		fields.add("body", " ");
		fields.add("publishAt", "morgen");

		EntityExchangeResult<String> invalid = browser.post(browser.get("/console/news/new"), "/console/news", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"body-error\"", "id=\"publishAt-error\"",
				"value=\"Vorschau " + this.marker + "\"");

		fields.set("body", "Bald mehr.");
		fields.set("publishAt",
				LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString());
		assertThat(browser.post(invalid, "/console/news", fields).getStatus().value()).isEqualTo(303);
		assertThat(browser.get("/console/news").getResponseBody()).contains("Vorschau " + this.marker);
		assertThat(page("/news").getResponseBody()).doesNotContain("Vorschau " + this.marker);
	}

	@Test
	void storedHtml_isShownAsStored_andDeletingRemovesThePost() {
		UUID id = new NewsRows(this.database).published(this.tenant.id(), this.tenant.coordinator().id());
		assertThat(page("/news/" + id).getResponseBody()).contains("<p>Hallo</p>",
				"href=\"/organisations/" + this.tenant.id() + "\"");

		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		EntityExchangeResult<String> list = browser.get("/console/news");
		assertThat(
				browser.post(list, "/console/news/" + id + "/delete", new LinkedMultiValueMap<>()).getStatus().value())
			.isEqualTo(303);
		assertThat(page("/news/" + id).getStatus().value()).isEqualTo(404);
	}

	@Test
	void console_anotherOrganisationsPost_isNotDeleted() {
		Tenant other = new Tenants(this.database).approved();
		UUID theirs = new NewsRows(this.database).published(other.id(), other.coordinator().id());
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);

		EntityExchangeResult<String> refused = browser.post(browser.get("/console/news"),
				"/console/news/" + theirs + "/delete", new LinkedMultiValueMap<>());

		assertThat(refused.getStatus().value()).isEqualTo(404);
		assertThat(this.database.sql("select count(*) from news_post where id = :id")
			.bind("id", theirs)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT)).isEqualTo(1);
	}

	@Test
	void deleteWithoutTheCsrfToken_isRefused() {
		UUID id = new NewsRows(this.database).published(this.tenant.id(), this.tenant.coordinator().id());
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);

		EntityExchangeResult<String> refused = browser.post(browser.get("/news"), "/console/news/" + id + "/delete",
				new LinkedMultiValueMap<>());

		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(page("/news/" + id).getStatus().value()).isEqualTo(200);
	}

	private EntityExchangeResult<String> page(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

}
