package org.zeitspende.dispatch.internal.twilio;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.twilio.http.TwilioRestClient;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.internal.NotAcceptedException;
import org.zeitspende.dispatch.internal.ProviderResilience;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSmsChannelTests {

	private static final int MAX_ATTEMPTS = 3;

	@Test
	void send_whenTwilioRefusesTheConnection_isRetriedThenNotSentWithAKnownOutcome() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(MAX_ATTEMPTS)
			.waitDuration(Duration.ofMillis(5))
			.retryExceptions(NotAcceptedException.class)
			.build());
		AtomicInteger retried = new AtomicInteger();
		retries.retry("twilio").getEventPublisher().onRetry((event) -> retried.incrementAndGet());
		TwilioSmsChannel channel = channel("http://127.0.0.1:" + closedPort, retries);
		try {
			channel.send(OutgoingMessage.sms("+4915112345678", "Hallo", "refused-1"))
				.as(StepVerifier::create)
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(NotAcceptedException.class)
					.hasMessage("Twilio could not be reached")
					.satisfies((notSent) -> assertThat(((MessageNotSentException) notSent).outcomeUnknown()).isFalse()))
				.verify(Duration.ofSeconds(20));
			assertThat(retried).hasValue(MAX_ATTEMPTS - 1);
		}
		finally {
			channel.destroy();
		}
	}

	@ParameterizedTest
	@CsvSource({ "PT0.2S, 1", "PT89.2S, 90", "PT90S, 90", "PT10H, 36000", "PT48H, 36000" })
	void validityPeriod_isWholeSecondsRoundedUpWithinTwilioRange(Duration validity, int seconds) {
		assertThat(TwilioSmsChannel.validityPeriod(validity)).isEqualTo(seconds);
	}

	@ParameterizedTest
	@CsvSource({ "21610, 400, OPTED_OUT", "21211, 400, INVALID_RECIPIENT", "30006, 400, INVALID_RECIPIENT",
			"21617, 400, REJECTED", "21408, 403, NOT_SENT", "20003, 401, NOT_SENT", "20429, 429, NOT_ACCEPTED",
			", 429, NOT_ACCEPTED", "20500, 500, NOT_SENT", ", 503, NOT_SENT" })
	void fromAnswer_mapsTwilioCodes(Integer code, int status, String outcome) {
		RuntimeException error = TwilioErrors.fromAnswer(code, status);
		String actual = (error instanceof MessageRejectedException rejected) ? rejected.reason().name()
				: (error instanceof NotAcceptedException) ? "NOT_ACCEPTED" : "NOT_SENT";
		assertThat(actual).isEqualTo(outcome);
		assertThat(error).isNotExactlyInstanceOf(RuntimeException.class);
		if (error instanceof MessageNotSentException notSent) {
			assertThat(notSent.outcomeUnknown()).isFalse();
		}
	}

	private static TwilioSmsChannel channel(String baseUrl, RetryRegistry retries) {
		ProviderResilience resilience = new ProviderResilience(CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(),
				retries);
		var calls = resilience.callsFor("twilio");
		TwilioHttpClient http = new TwilioHttpClient(baseUrl, calls.concurrency(), calls.timeLimit());
		TwilioRestClient client = new TwilioRestClient.Builder("AC0123456789abcdef0123456789abcdef", "token")
			.httpClient(http)
			.build();
		return new TwilioSmsChannel(client, http, calls, "+4930123456", null, URI.create("https://z.example.org"));
	}

}
