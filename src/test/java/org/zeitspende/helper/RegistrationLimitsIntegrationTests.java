package org.zeitspende.helper;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;

/**
 * Registration engages the abuse limits at their thresholds.
 */
@IntegrationTest
@TestPropertySource(properties = "zeitspende.rate-limits.verification-per-recipient.capacity=2")
class RegistrationLimitsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void sameEmailAPastTheLimit_answers429NamingTheLimit() {
		String email = HelperRegistrationIntegrationTests.uniqueEmail();
		register(email).expectStatus().isAccepted();
		register(email).expectStatus().isAccepted();
		register(email).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.limit")
			.isEqualTo("verification-per-recipient");
	}

	@Test
	void sameNumberPastTheLimit_answers429AndSendsNothingMore() {
		String mobile = HelperSmsIntegrationTests.uniqueMobile();
		register(null, mobile).expectStatus().isAccepted();
		register(null, mobile).expectStatus().isAccepted();
		register(null, mobile).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	private WebTestClient.ResponseSpec register(String email) {
		return register(email, null);
	}

	private WebTestClient.ResponseSpec register(String email, String mobile) {
		return this.client.post()
			.uri("/api/helpers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Helpers.registration(email, mobile))
			.exchange();
	}

}
