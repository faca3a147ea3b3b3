package org.zeitspende.dispatch.internal.twilio;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.zeitspende.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to the webhooks without a valid signature: anyone can send them, so they are
 * logged as a streak, not a line each, and never with what they carried.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioWebhookRejectionsLogTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T01:00:00Z"));

	private final TwilioWebhooks webhooks = new TwilioWebhooks(
			new TwilioSignatures("stub-auth-token", URI.create("https://zeitspende.example.org")), null, null, null,
			null, this.clock);

	@Test
	void forgedRequests_areLoggedAsAStreak_withoutTheirNumbersOrTexts(CapturedOutput output) {
		for (int i = 0; i < 90; i++) {
			StepVerifier.create(this.webhooks.incomingSms(unsigned())).verifyError(InvalidSignatureException.class);
			this.clock.advance(Duration.ofSeconds(1));
		}

		assertThat(output).containsOnlyOnce("Rejected a request to /hooks/twilio/sms: no Twilio signature")
			.containsOnlyOnce("Checking Twilio signatures still fails, 61 requests since 2026-12-08T01:00:00Z: "
					+ "no Twilio signature")
			.doesNotContain("+4915112345678")
			.doesNotContain("Bitte STOP");
	}

	private static MockServerWebExchange unsigned() {
		return MockServerWebExchange.from(MockServerHttpRequest.post("https://zeitspende.example.org/hooks/twilio/sms")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("From=%2B4915112345678&Body=Bitte+STOP&MessageSid=SM0123"));
	}

}
