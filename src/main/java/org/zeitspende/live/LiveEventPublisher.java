package org.zeitspende.live;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zeitspende.ask.AskDelivered;
import org.zeitspende.ask.AsksSent;
import org.zeitspende.callout.CalloutCancelled;
import org.zeitspende.callout.CalloutExhausted;
import org.zeitspende.callout.CalloutExpired;
import org.zeitspende.callout.CalloutFilled;
import org.zeitspende.callout.CalloutReopened;
import org.zeitspende.callout.HelperConfirmed;
import org.zeitspende.callout.HelperDeclined;
import org.zeitspende.callout.HelperWithdrew;

/**
 * Publishes the changes of callouts on their Redis channels. Every event arrives after
 * its change is committed, so a stream that reads the counts on a message sees the
 * change.
 * <p>
 * The listeners return a {@code Mono}: Spring subscribes to it, so publishing never
 * blocks the thread that published the event.
 */
@Component
class LiveEventPublisher {

	private final CalloutChannels channels;

	LiveEventPublisher(CalloutChannels channels) {
		this.channels = channels;
	}

	@EventListener
	Mono<Void> on(AsksSent sent) {
		return Flux.fromIterable(sent.calloutIds())
			.flatMap((calloutId) -> this.channels.publish(calloutId, LiveEventKind.ASKED))
			.then();
	}

	@EventListener
	Mono<Void> on(AskDelivered delivered) {
		return this.channels.publish(delivered.calloutId(), LiveEventKind.DELIVERED);
	}

	@EventListener
	Mono<Void> on(HelperConfirmed confirmed) {
		return this.channels.publish(confirmed.calloutId(), LiveEventKind.CONFIRMED);
	}

	@EventListener
	Mono<Void> on(HelperDeclined declined) {
		return this.channels.publish(declined.calloutId(), LiveEventKind.DECLINED);
	}

	@EventListener
	Mono<Void> on(HelperWithdrew withdrew) {
		return this.channels.publish(withdrew.calloutId(), LiveEventKind.WITHDRAWN);
	}

	@EventListener
	Mono<Void> on(CalloutFilled filled) {
		return this.channels.publish(filled.calloutId(), LiveEventKind.FILLED);
	}

	@EventListener
	Mono<Void> on(CalloutReopened reopened) {
		return this.channels.publish(reopened.calloutId(), LiveEventKind.REOPENED);
	}

	@EventListener
	Mono<Void> on(CalloutExhausted exhausted) {
		return this.channels.publish(exhausted.calloutId(), LiveEventKind.EXHAUSTED);
	}

	@EventListener
	Mono<Void> on(CalloutCancelled cancelled) {
		return this.channels.publish(cancelled.calloutId(), LiveEventKind.CANCELLED);
	}

	@EventListener
	Mono<Void> on(CalloutExpired expired) {
		return this.channels.publish(expired.calloutId(), LiveEventKind.EXPIRED);
	}

}
