package org.zeitspende.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.testing.TwilioRequest;
import org.zeitspende.testing.TwilioStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS through the Twilio adapter against the Twilio stub. After each test, every request
 * the stub received is checked against Twilio's OpenAPI description.
 */
class SmsThroughTwilioIntegrationTests extends ProviderChannelsIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final TwilioStub twilio = TwilioStub.get();

	@Autowired
	MessageSender sender;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	RetryRegistry retries;

	@Autowired
	WebTestClient client;

	@BeforeEach
	void freshStubAndBreaker() {
		this.twilio.reset();
		breaker().reset();
	}

	@AfterEach
	void everyRequestMatchesTwilioApiDescription() {
		this.twilio.assertEveryRequestMatchesTheApiDescription();
	}

	@Test
	void send_createsTheMessageWithStatusCallbackAndValidity() {
		String to = aMobileNumber();
		OutgoingMessage message = OutgoingMessage.sms(to, "Code 123456 für Zeitspende", "verify-1")
			.withValidity(Duration.ofSeconds(89).plusMillis(200));

		this.sender.send(message).as(StepVerifier::create).assertNext((sent) -> {
			assertThat(sent.channel()).isEqualTo(Channel.SMS);
			assertThat(sent.providerId()).matches("SM[0-9a-f]{32}");
		}).expectComplete().verify(TIMEOUT);

		assertThat(this.twilio.requests()).hasSize(1);
		TwilioRequest request = this.twilio.requests().get(0);
		assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioStub.accountSid() + "/Messages.json");
		assertThat(request.field("To")).isEqualTo(to);
		assertThat(request.field("From")).isEqualTo(SENDER_NUMBER);
		assertThat(request.field("Body")).isEqualTo("Code 123456 für Zeitspende");
		assertThat(request.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/hooks/twilio/status?ref=verify-1");
		assertThat(request.field("ValidityPeriod")).isEqualTo("90");
	}

	@Test
	void send_withoutValidity_leavesTwilioDefault() {
		send(OutgoingMessage.sms(aMobileNumber(), "Hallo", "plain-1")).expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(this.twilio.forms()).singleElement()
			.satisfies((form) -> assertThat(form).doesNotContainKey("ValidityPeriod"));
	}

	@Test
	void send_toOptedOutNumber_isRejectedAsOptedOutWithoutRetry() {
		this.twilio.failNext(1, 400, 21610);

		expectRejected(OutgoingMessage.sms(aMobileNumber(), "Hallo", "stop-1"), Reason.OPTED_OUT);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 21211, 21614, 21635, 30005, 30006 })
	void send_toNumberTwilioCannotReach_isRejectedAsInvalidRecipient(int code) {
		this.twilio.failNext(1, 400, code);

		expectRejected(OutgoingMessage.sms(aMobileNumber(), "Hallo", "invalid-" + code), Reason.INVALID_RECIPIENT);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void send_refusedForAnotherReason_isRejected() {
		this.twilio.failNext(1, 400, 21617);

		expectRejected(OutgoingMessage.sms(aMobileNumber(), "Hallo", "refused-1"), Reason.REJECTED);
	}

	@Test
	void send_withWrongCredentials_isNotSentAndNotRetried() {
		this.twilio.failNext(1, 401, 20003);

		send(OutgoingMessage.sms(aMobileNumber(), "Hallo", "auth-1"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(MessageNotSentException.class)
				.hasMessageContaining("401")
				.satisfies((notSent) -> assertThat(((MessageNotSentException) notSent).outcomeUnknown()).isFalse()))
			.verify(TIMEOUT);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void send_whenRateLimitedOnce_isSentOnceAfterBackoff() {
		this.twilio.failNext(1, 429, 20429);
		long retriedBefore = retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt();

		send(OutgoingMessage.sms(aMobileNumber(), "Hallo", "busy-1")).expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(this.twilio.requests()).hasSize(2);
		assertThat(retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(retriedBefore + 1);
	}

	@Test
	void send_whenRateLimitedEveryTime_givesUpAfterMaxAttemptsAsNotSent() {
		this.twilio.failNext(5, 429, 20429);
		int maxAttempts = retry().getRetryConfig().getMaxAttempts();

		expectNotSent(OutgoingMessage.sms(aMobileNumber(), "Hallo", "busy-2"), false);
		assertThat(this.twilio.requests()).hasSize(maxAttempts);
		assertThat(breaker().getState()).as("a provider that asks to slow down is not failing")
			.isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void send_whenTwilioFailsRepeatedly_opensTheBreakerAndStopsCallingTwilio() {
		int calls = breaker().getCircuitBreakerConfig().getMinimumNumberOfCalls();
		this.twilio.failNext(calls, 500, 20500);

		for (int i = 0; i < calls; i++) {
			expectNotSent(OutgoingMessage.sms(aMobileNumber(), "Hallo", "down-" + i), false);
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		send(OutgoingMessage.sms(aMobileNumber(), "Hallo", "down-open"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(MessageNotSentException.class)
				.hasMessageContaining("circuit breaker"))
			.verify(TIMEOUT);
		assertThat(this.twilio.requests()).as("5xx are not retried, and an open breaker calls nobody").hasSize(calls);
	}

	@Test
	void send_whenTheConnectionBreaksAfterTheRequest_hasAnUnknownOutcomeAndIsNotRetried() {
		this.twilio.faultNext(Fault.CONNECTION_RESET_BY_PEER);

		expectNotSent(OutgoingMessage.sms(aMobileNumber(), "Hallo", "reset-1"), true);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void send_whenTwilioAnswersAfterTheTimeLimit_hasAnUnknownOutcomeAndIsNotRetried() {
		// A first send warms up the SDK, so that only the stub's delay can hit the limit.
		send(OutgoingMessage.sms(aMobileNumber(), "Hallo", "warm-1")).expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		this.twilio.reset();
		this.twilio.delayNext(Duration.ofSeconds(8));

		expectNotSent(OutgoingMessage.sms(aMobileNumber(), "Hallo", "slow-1"), true);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void send_toMalformedNumber_isRejectedWithoutCallingTwilio() {
		expectRejected(OutgoingMessage.sms("0151 1234567", "Hallo", "malformed-1"), Reason.INVALID_RECIPIENT);
		assertThat(this.twilio.requests()).isEmpty();
	}

	@Test
	void send_textOverTwilioLimit_isRejectedWithoutCallingTwilio() {
		expectRejected(OutgoingMessage.sms(aMobileNumber(), "x".repeat(1601), "long-1"), Reason.REJECTED);
		assertThat(this.twilio.requests()).isEmpty();
	}

	@Test
	void devInbox_isAbsentWhenBothProvidersAreConfigured() {
		this.client.get().uri("/api/dev/inbox").exchange().expectStatus().isNotFound();
		this.client.get().uri("/dev/inbox").exchange().expectStatus().isNotFound();
	}

	private StepVerifier.FirstStep<SentMessage> send(OutgoingMessage message) {
		return StepVerifier.create(this.sender.send(message));
	}

	private void expectRejected(OutgoingMessage message, Reason reason) {
		send(message)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageRejectedException.class,
					(rejected) -> assertThat(rejected.reason()).isEqualTo(reason)))
			.verify(TIMEOUT);
	}

	private void expectNotSent(OutgoingMessage message, boolean outcomeUnknown) {
		send(message)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageNotSentException.class,
					(notSent) -> assertThat(notSent.outcomeUnknown()).as("outcome unknown").isEqualTo(outcomeUnknown)))
			.verify(TIMEOUT);
	}

	private CircuitBreaker breaker() {
		return this.circuitBreakers.circuitBreaker("twilio");
	}

	private Retry retry() {
		return this.retries.retry("twilio");
	}

	private static String aMobileNumber() {
		return "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
	}

}
