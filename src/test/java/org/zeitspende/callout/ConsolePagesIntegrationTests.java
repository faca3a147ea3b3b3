package org.zeitspende.callout;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConsolePagesIntegrationTests {

	private static final String SESSION = "zeitspende_session";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private final List<UUID> organisations = new ArrayList<>();

	// Callouts made here must not wait for other tests' relays and planners.
	@AfterEach
	void deleteOrganisations() {
		this.database.sql("delete from organisation where id = any(:ids)")
			.bind("ids", this.organisations.toArray(UUID[]::new))
			.then()
			.block(Duration.ofSeconds(10));
	}

	private Tenant tenant() {
		Tenant tenant = new Tenants(this.database).approved();
		this.organisations.add(tenant.id());
		return tenant;
	}

	@Test
	void signIn_keepsTheTokenInAStrictCookie_thatSignOutClears() {
		Tenant tenant = tenant();
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> login = browser.get("/login");

		EntityExchangeResult<String> signedIn = browser.post(login, "/login",
				credentials(tenant.coordinator().email(), Tenants.PASSWORD));

		assertThat(signedIn.getStatus().value()).isEqualTo(303);
		assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/console");
		ResponseCookie cookie = signedIn.getResponseCookies().getFirst(SESSION);
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getPath()).isEqualTo("/");
		EntityExchangeResult<String> list = browser.get("/console");
		assertThat(list.getStatus().value()).isEqualTo(200);
		assertThat(list.getResponseBody()).contains("Hilfegesuche", "action=\"/logout\"");

		EntityExchangeResult<String> signedOut = browser.post(list, "/logout", new LinkedMultiValueMap<>());
		assertThat(signedOut.getResponseHeaders().getLocation()).hasToString("/login?signed-out");
		assertThat(browser.cookie(SESSION)).isNull();
		assertThat(browser.get("/console").getStatus().value()).isEqualTo(302);
	}

	@Test
	void wrongPassword_isSaidOnThePage_andTheEmailKept() {
		Tenant tenant = tenant();
		PageForms browser = new PageForms(this.client);

		EntityExchangeResult<String> refused = browser.post(browser.get("/login"), "/login",
				credentials(tenant.admin().email(), "not the password"));

		assertThat(refused.getStatus().value()).isEqualTo(401);
		assertThat(refused.getResponseBody()).contains("role=\"alert\"", "Passwort stimmen nicht",
				"value=\"" + tenant.admin().email() + "\"");
		assertThat(browser.cookie(SESSION)).isNull();
	}

	@Test
	void theSessionCookie_readsTheApi_butChangesNothingThere() {
		Tenant tenant = tenant();
		PageForms browser = signedIn(tenant);
		String session = browser.cookie(SESSION);

		this.client.get().uri("/api/callouts").cookie(SESSION, session).exchange().expectStatus().isOk();
		this.client.post()
			.uri("/api/callouts/{id}/cancel", UUID.randomUUID())
			.cookie(SESSION, session)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void createForm_marksInvalidFields_thenCreates_showsTheLiveView_andCancels() {
		Tenant tenant = tenant();
		PageForms browser = signedIn(tenant);
		EntityExchangeResult<String> form = browser.get("/console/callouts/new");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("activity", "kleiderkammer");
		fields.add("place", "goettingen");
		LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
		fields.add("startsAt", start.toString());
		fields.add("endsAt", start.minusHours(1).toString());
		fields.add("needed", "3");
		fields.add("details", "Spenden <sortieren>");
		fields.add("notifyWhenFilled", "yes");

		EntityExchangeResult<String> invalid = browser.post(form, "/console/callouts", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"endsAt-error\"", "Ende nach dem Beginn",
				"Spenden &lt;sortieren&gt;", "<option value=\"kleiderkammer\" selected>");

		fields.set("endsAt", start.plusHours(2).toString());
		EntityExchangeResult<String> created = browser.post(invalid, "/console/callouts", fields);
		assertThat(created.getStatus().value()).isEqualTo(303);
		String detailPath = created.getResponseHeaders().getLocation().toString();
		EntityExchangeResult<String> detail = browser.get(detailPath);
		assertThat(detail.getResponseBody()).contains("Kleiderkammer · Göttingen", "id=\"preview\"",
				"data-events=\"/api/callouts/", "<script src=\"/assets/live.js\" defer></script>",
				"data-count=\"confirmed\">0<", "Offen");
		assertThat(detail.getResponseHeaders().getFirst("Content-Security-Policy"))
			.contains("script-src 'self'", "connect-src 'self'")
			.doesNotContain("unsafe");
		assertThat(browser.get("/console").getResponseBody()).contains("<progress max=\"3\" value=\"0\"",
				"0 von 3 zugesagt", detailPath);

		EntityExchangeResult<String> cancelled = browser.post(detail, detailPath + "/cancel",
				new LinkedMultiValueMap<>());
		assertThat(cancelled.getStatus().value()).isEqualTo(303);
		assertThat(browser.get(detailPath).getResponseBody()).contains("Abgesagt").doesNotContain("/cancel\"");
	}

	@Test
	void anotherOrganisationsCallout_isNotFound_andStaysOpen() {
		Tenant other = tenant();
		UUID theirs = new CalloutRows(this.database).open(other.id(), other.coordinator().id());
		PageForms browser = signedIn(tenant());

		EntityExchangeResult<String> page = browser.get("/console/callouts/" + theirs);
		assertThat(page.getStatus().value()).isEqualTo(404);
		assertThat(page.getResponseBody()).contains("<h1>Nicht gefunden</h1>", "lang=\"de\"");
		EntityExchangeResult<String> cancel = browser.post(page, "/console/callouts/" + theirs + "/cancel",
				new LinkedMultiValueMap<>());
		assertThat(cancel.getStatus().value()).isEqualTo(404);
		assertThat(this.database.sql("select status from callout where id = :id")
			.bind("id", theirs)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10))).isEqualTo("OPEN");
	}

	private PageForms signedIn(Tenant tenant) {
		PageForms browser = new PageForms(this.client);
		browser.post(browser.get("/login"), "/login", credentials(tenant.coordinator().email(), Tenants.PASSWORD));
		assertThat(browser.cookie(SESSION)).isNotBlank();
		return browser;
	}

	private static MultiValueMap<String, String> credentials(String email, String password) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("email", email);
		fields.add("password", password);
		return fields;
	}

}
