package org.zeitspende.organisation;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.DonationRows;
import org.zeitspende.testing.EventRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.NewsRows;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganisationPagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private Tenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
	}

	@Test
	void directory_filtersByPlace_andLeavesOutPendingOrganisations() {
		place(this.tenant.id(), "rosdorf");
		Tenant elsewhere = new Tenants(this.database).approved();
		place(elsewhere.id(), "duderstadt");
		Tenant pending = new Tenants(this.database).create("PENDING");
		place(pending.id(), "rosdorf");

		String rosdorf = page("/organisations?place=rosdorf").getResponseBody();
		assertThat(rosdorf).contains("/organisations/" + this.tenant.id(), "<option value=\"rosdorf\" selected>")
			.doesNotContain("/organisations/" + elsewhere.id(), "/organisations/" + pending.id());
		assertThat(page("/organisations").getResponseBody()).contains("/organisations/" + elsewhere.id());
		assertThat(page("/organisations/" + pending.id()).getStatus().value()).isEqualTo(404);
	}

	@Test
	void page_showsWhatTheOrganisationPublishes_withItsFeeds_andEscapesItsText() {
		UUID id = this.tenant.id();
		UUID member = this.tenant.coordinator().id();
		place(id, "goettingen-grone");
		this.database.sql("update organisation set description = :description, website_url = :website where id = :id")
			.bind("description", "Wir <em>helfen</em>.")
			.bind("website", "javascript:alert(1)")
			.bind("id", id)
			.then()
			.block(TIMEOUT);
		UUID profile = new RequirementProfileRows(this.database).open(id, member);
		UUID event = new EventRows(this.database).scheduled(id, member);
		UUID post = new NewsRows(this.database).published(id, member);
		UUID need = new DonationRows(this.database).open(id, member);

		EntityExchangeResult<String> page = page("/organisations/" + id);

		assertThat(page.getStatus().value()).isEqualTo(200);
		assertThat(page.getResponseBody())
			.contains("Wir &lt;em&gt;helfen&lt;/em&gt;.", "mailto:kontakt@", "Grone", "/engagement/" + profile,
					"/events/" + event, "/api/public/organisations/" + id + "/events.ics", "/news/" + post,
					"/api/public/organisations/" + id + "/news.atom", "/donations/" + need, "Noch 10 von 10 Stück")
			.doesNotContain("<em>helfen", "href=\"javascript:");
		assertThat(page.getResponseBody().indexOf("/engagement/" + profile))
			.isLessThan(page.getResponseBody().indexOf("/events/" + event));
	}

	@Test
	void page_showsTheLogo_allowingImagesFromItsServerOnly_withoutAReferrer() {
		UUID id = this.tenant.id();
		logo(id, "https://cdn.example.org:8443/logos/willkommen.png?v=2&size=large");

		EntityExchangeResult<String> page = page("/organisations/" + id + "?lang=en");

		String name = this.database.sql("select name from organisation where id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
		assertThat(page.getResponseBody()).contains(
				"<img class=\"logo\" src=\"https://cdn.example.org:8443/logos/willkommen.png?v=2&amp;size=large\" alt=\"Logo of "
						+ name + "\" referrerpolicy=\"no-referrer\"");
		assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'",
				"; img-src https://cdn.example.org:8443;");
		assertThat(page("/organisations").getResponseHeaders().getFirst("Content-Security-Policy"))
			.doesNotContain("img-src");

		logo(id, null);
		EntityExchangeResult<String> without = page("/organisations/" + id);
		assertThat(without.getResponseBody()).doesNotContain("<img");
		assertThat(without.getResponseHeaders().getFirst("Content-Security-Policy")).doesNotContain("img-src");
	}

	@Test
	void landingPageAndConsole_linkTheCommunityPages() {
		assertThat(page("/").getResponseBody()).contains("href=\"/organisations\"", "href=\"/engagement\"",
				"href=\"/events\"", "href=\"/news\"", "href=\"/donations\"");
		assertThat(page("/organisations?lang=en").getResponseBody()).contains("lang=\"en\"", "Volunteering");
		assertThat(ConsoleSignIn.coordinatorOf(this.tenant, this.client).get("/console").getResponseBody()).contains(
				"href=\"/console/profiles\"", "href=\"/console/events\"", "href=\"/console/news\"",
				"href=\"/console/donations\"");
	}

	private EntityExchangeResult<String> page(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	private void logo(UUID organisation, String address) {
		DatabaseClient.GenericExecuteSpec update = this.database
			.sql("update organisation set logo_url = :logo where id = :id")
			.bind("id", organisation);
		((address != null) ? update.bind("logo", address) : update.bindNull("logo", String.class)).then()
			.block(TIMEOUT);
	}

	private void place(UUID organisation, String place) {
		this.database.sql("insert into organisation_place (organisation_id, place_code) values (:id, :place)")
			.bind("id", organisation)
			.bind("place", place)
			.then()
			.block(TIMEOUT);
	}

}
