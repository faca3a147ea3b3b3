package org.zeitspende.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the log says of messages that were not sent: a provider's outage as a streak per
 * channel, refusals and messages that may have been sent one by one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelRouterTests {

	private static final String BREAKER_OPEN = "Not sent: the circuit breaker for twilio is open after too many failures";

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T22:00:00Z"));

	private final ScriptedAdapter sms = new ScriptedAdapter(Channel.SMS);

	private final ScriptedAdapter email = new ScriptedAdapter(Channel.EMAIL);

	private final ChannelRouter router = new ChannelRouter(List.of(this.sms, this.email), this.clock);

	@Test
	void anOutage_logsItsFirstMessageInFull_thenOnceAMinute_thenItsEnd(CapturedOutput output) {
		for (int i = 0; i < 200; i++) {
			this.sms.next(() -> new MessageNotSentException(BREAKER_OPEN, null));
			sendSms("ask-" + i).verifyError(MessageNotSentException.class);
			this.clock.advance(Duration.ofMillis(500));
		}
		this.sms.next(null);
		sendSms("ask-200").expectNextCount(1).verifyComplete();

		assertThat(output).containsOnlyOnce("SMS to ")
			.contains("SMS to +49151****78 (reference ask-0) not sent: " + BREAKER_OPEN)
			.containsOnlyOnce("SMS still fails, 121 messages since 2026-12-07T22:00:00Z: " + BREAKER_OPEN)
			.containsOnlyOnce("SMS works again, after 200 messages failed since 2026-12-07T22:00:00Z");
	}

	@Test
	void messagesThatMayHaveBeenSent_areLoggedEach(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			this.sms.next(() -> new MessageNotSentException("Twilio did not answer within PT15S", true, null));
			sendSms("ask-" + i).verifyError(MessageNotSentException.class);
		}
		assertThat(output).contains("(reference ask-0) not sent, outcome unknown", "(reference ask-1) not sent",
				"(reference ask-2) not sent, outcome unknown: Twilio did not answer within PT15S");
	}

	@Test
	void aRefusal_isLogged_andEndsAStreak_sinceTheProviderAnswered(CapturedOutput output) {
		this.sms.next(() -> new MessageNotSentException(BREAKER_OPEN, null));
		sendSms("ask-0").verifyError(MessageNotSentException.class);
		this.sms.next(() -> new MessageRejectedException(Reason.OPTED_OUT, "Twilio answered 400 with error 21610"));
		sendSms("ask-1").verifyError(MessageRejectedException.class);

		assertThat(output).contains("SMS to +49151****78 (reference ask-1) refused: OPTED_OUT.")
			.contains("SMS works again, after 1 message failed since 2026-12-07T22:00:00Z");
	}

	@Test
	void eachChannel_hasAStreakOfItsOwn(CapturedOutput output) {
		this.sms.next(() -> new MessageNotSentException(BREAKER_OPEN, null));
		sendSms("ask-0").verifyError(MessageNotSentException.class);
		this.email.next(() -> new MessageNotSentException("SMTP answered 421", null));
		StepVerifier
			.create(this.router
				.send(OutgoingMessage.email("helper@example.org", "Hilfe?", "Text", null, null, "ask-1")))
			.verifyError(MessageNotSentException.class);
		this.email.next(null);
		StepVerifier
			.create(this.router
				.send(OutgoingMessage.email("helper@example.org", "Hilfe?", "Text", null, null, "ask-2")))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(output).contains("(reference ask-0) not sent: " + BREAKER_OPEN)
			.contains("(reference ask-1) not sent: SMTP answered 421")
			.contains("Email works again, after 1 message failed")
			.doesNotContain("SMS works again");
	}

	private StepVerifier.FirstStep<SentMessage> sendSms(String reference) {
		return StepVerifier.create(this.router.send(OutgoingMessage.sms("+4915112345678", "Hilfe?", reference)));
	}

	// Answers each message as told, or sends it when told nothing.
	private static final class ScriptedAdapter implements ChannelAdapter {

		private final Channel channel;

		private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

		ScriptedAdapter(Channel channel) {
			this.channel = channel;
		}

		void next(Supplier<RuntimeException> failure) {
			this.failures.add((failure != null) ? failure : () -> null);
		}

		@Override
		public Channel channel() {
			return this.channel;
		}

		@Override
		public String description() {
			return "scripted";
		}

		@Override
		public Mono<SentMessage> send(OutgoingMessage message) {
			RuntimeException failure = this.failures.isEmpty() ? null : this.failures.poll().get();
			return (failure != null) ? Mono.error(failure) : Mono.just(new SentMessage(this.channel, "SM1"));
		}

	}

}
