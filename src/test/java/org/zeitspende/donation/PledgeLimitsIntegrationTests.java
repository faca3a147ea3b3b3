package org.zeitspende.donation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.DonationRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pledges are limited per client address, in the API and on the page alike. Each test
 * pledges from addresses of its own (through {@code X-Forwarded-For}), so that no other
 * test shares its bucket.
 */
@IntegrationTest
@TestPropertySource(properties = { "zeitspende.rate-limits.pledges-per-ip.capacity=2",
		"server.forward-headers-strategy=framework" })
class PledgeLimitsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Test
	void pledgesFromOneAddressPastTheLimit_answer429WithRetryAfter_andTakeNothing_whileOtherAddressesPledge() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID need = new DonationRows(this.database).open(tenant.id(), tenant.coordinator().id());
		WebTestClient donor = from(uniqueAddress());

		pledge(donor, need).expectStatus().isCreated();
		pledge(donor, need).expectStatus().isCreated();
		pledge(donor, need).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/rate-limited")
			.jsonPath("$.limit")
			.isEqualTo("pledges-per-ip");

		pledge(from(uniqueAddress()), need).expectStatus().isCreated();
		assertThat(pledged(need)).isEqualTo(3);
	}

	@Test
	void pledgePagePastTheLimit_answersThe429Page_andTakesNothing() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID need = new DonationRows(this.database).open(tenant.id(), tenant.coordinator().id());
		PageForms browser = new PageForms(from(uniqueAddress()));

		for (int i = 0; i < 2; i++) {
			EntityExchangeResult<String> taken = browser.post(browser.get("/donations/" + need),
					"/donations/" + need + "/pledges", form());
			assertThat(taken.getStatus().value()).isEqualTo(200);
		}
		EntityExchangeResult<String> refused = browser.post(browser.get("/donations/" + need),
				"/donations/" + need + "/pledges", form());

		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
		assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(refused.getResponseBody()).contains("<h1>Gerade zu viele Versuche</h1>");
		assertThat(pledged(need)).isEqualTo(2);
	}

	private WebTestClient from(String address) {
		return this.client.mutate().defaultHeader("X-Forwarded-For", address).build();
	}

	// An address from a documentation range (RFC 5737), different in every call.
	private static String uniqueAddress() {
		return "203.0." + ThreadLocalRandom.current().nextInt(256) + "."
				+ (1 + ThreadLocalRandom.current().nextInt(254));
	}

	private static WebTestClient.ResponseSpec pledge(WebTestClient donor, UUID need) {
		return donor.post()
			.uri("/api/public/donation-needs/{id}/pledges", need)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("quantity", 1, "name", "Erika", "contact", "erika@example.org"))
			.exchange();
	}

	private static MultiValueMap<String, String> form() {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("quantity", "1");
		fields.add("name", "Erika");
		fields.add("contact", "erika@example.org");
		return fields;
	}

	private int pledged(UUID need) {
		return this.database.sql("select quantity_pledged from donation_need where id = :id")
			.bind("id", need)
			.map((row) -> row.get("quantity_pledged", Integer.class))
			.one()
			.block(TIMEOUT);
	}

}
