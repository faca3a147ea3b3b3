package org.zeitspende.donation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.Created;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DonationNeedsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	Tenant tenant;

	String coordinator;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.coordinator = Tokens.of(this.environment)
			.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
	}

	@Test
	void pledges_underConcurrency_neverExceedTheNeed_andCloseItWhenTheyMeetIt() {
		UUID need = create(need("Winterjacken", "CLOTHING", "goettingen-grone", 10));

		List<Integer> statuses = pledgeAtOnce(need, 40, 1);

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(30);
		assertThat(invariants(need)).containsEntry("pledged", 10)
			.containsEntry("sum", 10)
			.containsEntry("needed", 10)
			.containsEntry("status", "CLOSED");
	}

	@Test
	void pledgesOfSeveralUnits_underConcurrency_stayWithinTheNeed() {
		UUID need = create(need("Windeln", "HYGIENE", "goettingen-grone", 10));

		List<Integer> statuses = pledgeAtOnce(need, 20, 3);

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(3);
		assertThat(invariants(need)).containsEntry("pledged", 9)
			.containsEntry("sum", 9)
			.containsEntry("status", "OPEN");
	}

	@Test
	void pledge_beyondTheNeed_isRefusedWithWhatIsStillNeeded_andAClosedNeedTakesNoMore() {
		UUID need = create(need("Schulranzen", "SCHOOL", "goettingen-grone", 5));

		pledge(need, 3).expectStatus().isCreated().expectBody().jsonPath("$.stillNeeded").isEqualTo(2);
		pledge(need, 3).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/pledge-exceeds-need")
			.jsonPath("$.stillNeeded")
			.isEqualTo(2);
		pledge(need, 2).expectStatus().isCreated().expectBody().jsonPath("$.stillNeeded").isEqualTo(0);
		pledge(need, 1).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/donation-need-closed");
	}

	@Test
	void donationStop_refusesPledgesUntilLifted() {
		UUID need = create(need("Töpfe", "HOUSEHOLD", "goettingen-grone", 5));
		String stop = "/api/donation-needs/" + need + "/donation-stop";

		this.client.put()
			.uri(stop)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.donationStop")
			.isEqualTo(true);
		pledge(need, 1).expectStatus().isEqualTo(409);
		this.client.delete()
			.uri(stop)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.donationStop")
			.isEqualTo(false);
		pledge(need, 1).expectStatus().isCreated();
	}

	@Test
	void markReceived_recordsTheFirstTime_andOnlyTheOrganisationSeesDonors() {
		UUID need = create(need("Stühle", "FURNITURE", "goettingen-grone", 4));
		String pledgeId = pledge(need, 2).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("pledgeId")
			.toString();
		String received = "/api/donation-needs/" + need + "/pledges/" + pledgeId + "/received";

		String first = post(received).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("receivedAt")
			.toString();
		post(received).expectStatus().isOk().expectBody().jsonPath("$.receivedAt").isEqualTo(first);
		this.client.get()
			.uri("/api/donation-needs/" + need + "/pledges")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].donorContact")
			.isEqualTo("spender@example.org");
		this.client.get()
			.uri("/api/public/donation-needs/" + need)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("spender@example.org"));
		post("/api/donation-needs/" + need + "/pledges/" + UUID.randomUUID() + "/received").expectStatus().isNotFound();
	}

	@Test
	void publicList_filtersByPlaceAndCategory_andLeavesClosedNeedsOut() {
		UUID jackets = create(need("Winterjacken", "CLOTHING", "duderstadt", 5));
		UUID food = create(need("Konserven", "FOOD", "duderstadt", 5));
		UUID closed = create(need("Mäntel", "CLOTHING", "duderstadt", 5));
		post("/api/donation-needs/" + closed + "/close").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED");

		List<String> clothing = ids("/api/public/donation-needs?place=duderstadt&category=CLOTHING&limit=100");
		assertThat(clothing).contains(jackets.toString()).doesNotContain(food.toString(), closed.toString());
		assertThat(ids("/api/public/donation-needs?place=goettingen-grone&category=CLOTHING&limit=100"))
			.doesNotContain(jackets.toString());
		this.client.get().uri("/api/public/donation-needs?category=SHOES").exchange().expectStatus().isBadRequest();
	}

	@Test
	void invalidInput_answersProblems() {
		Map<String, Object> body = need("X", "CLOTHING", "atlantis", 0);
		this.client.post()
			.uri("/api/donation-needs")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("item", "quantityNeeded"));
		body.put("item", "Jacken");
		body.put("quantityNeeded", 2);
		this.client.post()
			.uri("/api/donation-needs")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("place");
		UUID need = create(need("Jacken", "CLOTHING", "goettingen-grone", 2));
		this.client.post()
			.uri("/api/public/donation-needs/" + need + "/pledges")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("quantity", 0, "name", "", "contact", "x"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("contact", "name", "quantity"));
	}

	private List<Integer> pledgeAtOnce(UUID need, int donors, int quantity) {
		WebClient http = WebClient.create("http://localhost:" + this.port);
		return Flux.range(0, donors)
			.flatMap(
					(i) -> http.post()
						.uri("/api/public/donation-needs/" + need + "/pledges")
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("quantity", quantity, "name", "Spender " + i, "contact",
								"spender" + i + "@example.org"))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					donors)
			.collectList()
			.block(TIMEOUT);
	}

	private Map<String, Object> invariants(UUID need) {
		return this.database.sql("""
				select n.quantity_pledged, n.quantity_needed, n.status,
				       (select coalesce(sum(quantity), 0) from donation_pledge where need_id = n.id) as total
				from donation_need n where n.id = :id""")
			.bind("id", need)
			.map((row) -> Map.<String, Object>of("pledged", row.get("quantity_pledged", Integer.class), "needed",
					row.get("quantity_needed", Integer.class), "status", row.get("status", String.class), "sum",
					row.get("total", Long.class).intValue()))
			.one()
			.block(TIMEOUT);
	}

	private Map<String, Object> need(String item, String category, String place, int quantity) {
		Map<String, Object> body = new HashMap<>();
		body.put("item", item);
		body.put("category", category);
		body.put("place", place);
		body.put("quantityNeeded", quantity);
		body.put("notes", "Größen M und L");
		return body;
	}

	private UUID create(Map<String, Object> body) {
		return Created.id(this.client, "/api/donation-needs", this.coordinator, body);
	}

	private WebTestClient.ResponseSpec pledge(UUID need, int quantity) {
		return this.client.post()
			.uri("/api/public/donation-needs/" + need + "/pledges")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("quantity", quantity, "name", "Erika", "contact", "spender@example.org"))
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String uri) {
		return this.client.post().uri(uri).headers((headers) -> headers.setBearerAuth(this.coordinator)).exchange();
	}

	@SuppressWarnings("unchecked")
	private List<String> ids(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((need) -> (String) ((Map<String, Object>) need).get("id"))
			.toList();
	}

}
