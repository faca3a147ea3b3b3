package org.zeitspende.dispatch;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zeitspende.testing.IntegrationTest;

/**
 * Without a Twilio account there are no Twilio webhooks.
 */
@IntegrationTest
class TwilioWebhooksWithoutTwilioIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void smsHook_withoutTwilio_answers404() {
		post("/hooks/twilio/sms");
	}

	@Test
	void statusHook_withoutTwilio_answers404() {
		post("/hooks/twilio/status?ref=ask-1");
	}

	private void post(String uri) {
		this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", "c2lnbmF0dXJl")
			.body(BodyInserters.fromFormData("MessageSid", "SM0").with("From", "+4917012345678").with("Body", "STOP"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
