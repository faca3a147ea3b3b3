package org.zeitspende.donation;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.DonationRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NeedPagesIntegrationTests {

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
	void list_filtersByPlaceAndCategory_andEscapesWhatOrganisationsWrote() {
		UUID jackets = need("Jacken <b>" + this.marker + "</b>", "CLOTHING", "goettingen-grone", 10);
		UUID soap = need("Seife " + this.marker, "HYGIENE", "rosdorf", 5);

		String all = page("/donations").getResponseBody();
		assertThat(all)
			.contains("/donations/" + jackets, "/donations/" + soap, "Jacken &lt;b&gt;" + this.marker + "&lt;/b&gt;",
					"Noch 10 von 10 Stück gebraucht")
			.doesNotContain("<b>" + this.marker);
		assertThat(page("/donations?place=rosdorf").getResponseBody()).contains("/donations/" + soap)
			.doesNotContain("/donations/" + jackets)
			.contains("<option value=\"rosdorf\" selected>");
		assertThat(page("/donations?category=CLOTHING").getResponseBody()).contains("/donations/" + jackets)
			.doesNotContain("/donations/" + soap);
		assertThat(page("/donations?category=NONSENSE").getStatus().value()).isEqualTo(200);
	}

	@Test
	void pledge_isTaken_thenOverPledgingIsRefusedOnThePage_withWhatWasTypedKept() {
		UUID id = need("Winterjacken " + this.marker, "CLOTHING", "goettingen-grone", 3);
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> detail = browser.get("/donations/" + id);
		assertThat(detail.getResponseBody()).contains("Spende zusagen", "max=\"3\"", "name=\"_csrf\"");

		EntityExchangeResult<String> taken = browser.post(detail, "/donations/" + id + "/pledges",
				pledge("2", "Erika <Muster>", "erika@example.org"));
		assertThat(taken.getStatus().value()).isEqualTo(200);
		assertThat(taken.getResponseBody()).contains("Danke für Ihre Zusage", "Sie haben 2 zugesagt",
				"Es werden noch 1 gebraucht");

		EntityExchangeResult<String> again = browser.get("/donations/" + id);
		EntityExchangeResult<String> refused = browser.post(again, "/donations/" + id + "/pledges",
				pledge("2", "Max <i>", "max@example.org"));
		assertThat(refused.getStatus().value()).isEqualTo(409);
		assertThat(refused.getResponseBody()).contains("role=\"alert\"", "Es werden nur noch 1 gebraucht",
				"id=\"quantity-error\"", "value=\"Max &lt;i&gt;\"", "value=\"max@example.org\"");
		assertThat(pledged(id)).isEqualTo(2);
	}

	@Test
	void pledge_withInvalidFields_marksThem() {
		UUID id = need("Decken " + this.marker, "HOUSEHOLD", "goettingen-grone", 3);
		PageForms browser = new PageForms(this.client);

		EntityExchangeResult<String> invalid = browser.post(browser.get("/donations/" + id),
				"/donations/" + id + "/pledges", pledge("0", "", "erika@example.org"));

		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"quantity-error\"", "id=\"name-error\"",
				"aria-describedby=\"name-error\"", "value=\"erika@example.org\"");
		assertThat(pledged(id)).isZero();
	}

	@Test
	void pledge_withoutTheCsrfToken_isRefused() {
		UUID id = need("Bettwäsche " + this.marker, "HOUSEHOLD", "goettingen-grone", 3);

		this.client.post()
			.uri("/donations/{id}/pledges", id)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(pledge("1", "Erika", "erika@example.org")))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(pledged(id)).isZero();
	}

	@Test
	void stoppedNeed_showsNoForm_andAPendingOrganisationsNeedIsNotFound() {
		UUID stopped = need("Schuhe " + this.marker, "CLOTHING", "goettingen-grone", 3);
		this.database.sql("update donation_need set donation_stop = true where id = :id")
			.bind("id", stopped)
			.then()
			.block(TIMEOUT);
		Tenant pending = new Tenants(this.database).create("PENDING");
		UUID hidden = new DonationRows(this.database).open(pending.id(), pending.coordinator().id());

		assertThat(page("/donations/" + stopped).getResponseBody()).contains("Spendenstopp")
			.doesNotContain("/pledges\"");
		EntityExchangeResult<String> notFound = page("/donations/" + hidden);
		assertThat(notFound.getStatus().value()).isEqualTo(404);
		assertThat(notFound.getResponseBody()).contains("<h1>Nicht gefunden</h1>");
	}

	@Test
	void console_postsANeed_stopsAndResumesIt_marksPledgesReceived_andCloses() {
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		EntityExchangeResult<String> form = browser.get("/console/donations/new");
		assertThat(form.getResponseBody()).contains("href=\"/console/profiles\"", "value=\"Stück\"");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("item", "Kinder <jacken>");
		fields.add("category", "CLOTHING");
		fields.add("quantityNeeded", "");
		fields.add("unit", "Stück");
		fields.add("place", "goettingen-grone");
		fields.add("urgency", "HIGH");

		EntityExchangeResult<String> invalid = browser.post(form, "/console/donations", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"quantityNeeded-error\"", "value=\"Kinder &lt;jacken&gt;\"",
				"<option value=\"HIGH\" selected>");

		fields.set("quantityNeeded", "4");
		EntityExchangeResult<String> created = browser.post(invalid, "/console/donations", fields);
		assertThat(created.getStatus().value()).isEqualTo(303);
		String path = created.getResponseHeaders().getLocation().toString();
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		UUID pledge = new DonationRows(this.database).pledge(id);

		EntityExchangeResult<String> detail = browser.get(path);
		assertThat(detail.getResponseBody()).contains("Kinder &lt;jacken&gt;", "Erika", "erika@example.org",
				"Als erhalten markieren", "Spendenstopp setzen");
		assertThat(browser.post(detail, path + "/stop", new LinkedMultiValueMap<>()).getStatus().value())
			.isEqualTo(303);
		assertThat(browser.get(path).getResponseBody()).contains("Spendenstopp aufheben");
		assertThat(browser.get("/donations/" + id).getResponseBody()).contains("Spendenstopp")
			.doesNotContain("/pledges\"");
		browser.post(detail, path + "/resume", new LinkedMultiValueMap<>());
		browser.post(detail, path + "/pledges/" + pledge + "/received", new LinkedMultiValueMap<>());
		assertThat(browser.get(path).getResponseBody()).doesNotContain("Als erhalten markieren");
		browser.post(detail, path + "/close", new LinkedMultiValueMap<>());
		assertThat(browser.get("/console/donations").getResponseBody()).contains(path, "Geschlossen", "1 / 4");
	}

	@Test
	void console_anotherOrganisationsNeed_isNotFound_andStaysOpen() {
		Tenant other = new Tenants(this.database).approved();
		UUID theirs = new DonationRows(this.database).open(other.id(), other.coordinator().id());
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);

		EntityExchangeResult<String> page = browser.get("/console/donations/" + theirs);
		assertThat(page.getStatus().value()).isEqualTo(404);
		EntityExchangeResult<String> close = browser.post(page, "/console/donations/" + theirs + "/close",
				new LinkedMultiValueMap<>());
		assertThat(close.getStatus().value()).isEqualTo(404);
		assertThat(this.database.sql("select status from donation_need where id = :id")
			.bind("id", theirs)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT)).isEqualTo("OPEN");
	}

	private EntityExchangeResult<String> page(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	private UUID need(String item, String category, String place, int quantity) {
		return this.database.sql("""
				insert into donation_need (organisation_id, created_by, item, category, place_code, quantity_needed)
				values (:organisation, :createdBy, :item, :category, :place, :quantity) returning id""")
			.bind("organisation", this.tenant.id())
			.bind("createdBy", this.tenant.coordinator().id())
			.bind("item", item)
			.bind("category", category)
			.bind("place", place)
			.bind("quantity", quantity)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

	private int pledged(UUID id) {
		return this.database.sql("select quantity_pledged from donation_need where id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, Integer.class))
			.one()
			.block(TIMEOUT);
	}

	private static MultiValueMap<String, String> pledge(String quantity, String name, String contact) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("quantity", quantity);
		fields.add("name", name);
		fields.add("contact", contact);
		return fields;
	}

}
