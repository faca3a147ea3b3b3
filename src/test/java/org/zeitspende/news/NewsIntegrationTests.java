package org.zeitspende.news;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.Created;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NewsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	Tenant tenant;

	String coordinator;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.coordinator = Tokens.of(this.environment)
			.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
	}

	@Test
	void create_storesSanitisedHtml_andKeepsTheMarkdown() {
		String markdown = "Wir suchen **Fahrer** <script>alert(1)</script>";
		this.client.post()
			.uri("/api/news")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Neue Fahrdienste", "body", markdown))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.body")
			.isEqualTo(markdown)
			.jsonPath("$.html")
			.value((html) -> assertThat((String) html).contains("<strong>Fahrer</strong>").doesNotContain("<script"));
	}

	@Test
	void create_withInvalidFields_answersAProblem() {
		this.client.post()
			.uri("/api/news")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "", "body", "x".repeat(20_001)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("body", "title", "title"));
	}

	@Test
	void organisationFeed_isAtom_thatARealParserReads_withoutScheduledPosts() throws Exception {
		UUID first = create("Sommerfest & Grill", "Kommt **alle**! <script>alert(1)</script>", null);
		UUID second = create("Neue Öffnungszeiten", "Montags ab *10 Uhr*.", null);
		create("Noch geheim", "Erst nächste Woche.", Instant.now().plus(Duration.ofDays(7)));

		SyndFeed feed = feed("/api/public/organisations/" + this.tenant.id() + "/news.atom");

		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).startsWith("Test organisation t-");
		assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
			.containsExactly("urn:uuid:" + second, "urn:uuid:" + first);
		SyndEntry grill = feed.getEntries().get(1);
		assertThat(grill.getTitle()).isEqualTo("Sommerfest & Grill");
		assertThat(grill.getAuthor()).startsWith("Test organisation ");
		assertThat(grill.getContents().get(0).getValue()).contains("<strong>alle</strong>").doesNotContain("<script");
	}

	@Test
	void overallFeed_isAtom_withPostsOfApprovedOrganisationsOnly() throws Exception {
		UUID published = create("Für alle", "Hallo", null);
		Tenant suspended = new Tenants(this.database).create("SUSPENDED");
		UUID hidden = UUID.randomUUID();
		this.database.sql("""
				insert into news_post (id, organisation_id, created_by, title, body_markdown, body_html)
				values (:id, :organisation, :organisation, 'Gesperrt', 'x', '<p>x</p>')""")
			.bind("id", hidden)
			.bind("organisation", suspended.id())
			.then()
			.block();

		SyndFeed feed = feed("/api/public/news.atom");

		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
			.contains("urn:uuid:" + published)
			.doesNotContain("urn:uuid:" + hidden);
		this.client.get()
			.uri("/api/public/organisations/" + suspended.id() + "/news.atom")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get().uri("/api/public/news/" + hidden).exchange().expectStatus().isNotFound();
	}

	@Test
	void replace_rendersTheNewBody_andKeepsThePublicationTime() {
		UUID post = create("Neue Fahrdienste", "Alt", null);
		String publishedAt = this.client.get()
			.uri("/api/news/" + post)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("publishedAt")
			.toString();

		this.client.put()
			.uri("/api/news/" + post)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Mehr Fahrdienste", "body", "Jetzt *neu* <script>alert(1)</script>"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Mehr Fahrdienste")
			.jsonPath("$.publishedAt")
			.isEqualTo(publishedAt)
			.jsonPath("$.html")
			.value((html) -> assertThat((String) html).contains("<em>neu</em>").doesNotContain("<script"));
		Tenant other = new Tenants(this.database).approved();
		this.client.put()
			.uri("/api/news/" + post)
			.headers((headers) -> headers.setBearerAuth(
					Tokens.of(this.environment).member(other.coordinator().id(), other.id(), Role.COORDINATOR)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "Fremd", "body", "Fremd"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private UUID create(String title, String body, Instant publishAt) {
		Map<String, Object> post = (publishAt != null) ? Map.of("title", title, "body", body, "publishAt", publishAt)
				: Map.of("title", title, "body", body);
		return Created.id(this.client, "/api/news", this.coordinator, post);
	}

	private SyndFeed feed(String uri) throws Exception {
		String xml = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/atom+xml")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new SyndFeedInput().build(new StringReader(xml));
	}

}
