package org.zeitspende.ask;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.OpenCallout;
import org.zeitspende.callout.OpenCallouts;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.HelperContacts;

/**
 * Sends the asks in the outbox. Every replica polls; claiming with
 * {@code FOR UPDATE SKIP LOCKED} hands each due ask to one relay.
 * <p>
 * An ask is sent at most once where the provider may have taken it: only a failure that
 * provably did not reach the provider puts it back to {@code PENDING}. A failure after
 * the request went out, and a claim whose relay stopped before recording the answer
 * (older than the sending lease), end as {@code UNKNOWN}, which only a delivery report
 * resolves. Resending those could ask a helper twice; not resending them may, rarely, ask
 * one helper less, and the next wave makes up for that.
 */
@Component
class AskRelay {

	private static final Log log = LogFactory.getLog(AskRelay.class);

	private final AskRepository asks;

	private final OpenCallouts callouts;

	private final HelperContacts contacts;

	private final MessageSender sender;

	private final AskMessages messages;

	private final AskTokens tokens;

	private final AskProperties properties;

	AskRelay(AskRepository asks, OpenCallouts callouts, HelperContacts contacts, MessageSender sender,
			AskMessages messages, AskTokens tokens, AskProperties properties) {
		this.asks = asks;
		this.callouts = callouts;
		this.contacts = contacts;
		this.sender = sender;
		this.messages = messages;
		this.tokens = tokens;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${zeitspende.asks.poll-interval}",
			fixedDelayString = "${zeitspende.asks.poll-interval}")
	Mono<Void> pollOnSchedule() {
		return poll(Instant.now()).doOnNext((handled) -> {
			if (handled > 0) {
				log.debug("Relayed " + handled + " asks");
			}
		}).then();
	}

	/**
	 * Gives up abandoned claims, then claims one batch of due asks and sends them.
	 * @param now the current instant
	 * @return how many asks were claimed
	 */
	Mono<Long> poll(Instant now) {
		return this.asks.abandonClaimedBefore(now.minus(this.properties.sendingLease()))
			.doOnNext(AskRelay::logAbandoned)
			.thenMany(this.asks.claimDue(now, this.properties.batchSize()))
			.flatMap((ask) -> relay(ask, now), this.properties.concurrency())
			.count();
	}

	private Mono<AskStatus> relay(ClaimedAsk ask, Instant now) {
		return this.callouts.find(ask.calloutId(), now)
			.flatMap((callout) -> sendTo(ask, callout, now))
			.switchIfEmpty(Mono.defer(() -> end(ask, AskStatus.SKIPPED, "callout no longer open")))
			// Whatever else went wrong leaves the claim to expire as UNKNOWN: it may
			// have been sent.
			.onErrorResume((ex) -> {
				log.warn("Ask " + ask.id() + " left claimed after an unexpected failure: " + ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<AskStatus> sendTo(ClaimedAsk ask, OpenCallout callout, Instant now) {
		return this.contacts.contactFor(ask.helperId(), ask.channel())
			.flatMap((recipient) -> send(ask.withToken(this.tokens.mint()), callout, recipient, now))
			.switchIfEmpty(Mono.defer(() -> end(ask, AskStatus.FAILED, "no verified contact on " + ask.channel())));
	}

	private Mono<AskStatus> send(ClaimedAsk ask, OpenCallout callout, String recipient, Instant now) {
		return this.sender.send(this.messages.message(ask, callout, recipient, now))
			.flatMap((sent) -> this.asks.sent(ask.id(), sent.providerId(), ask.tokenHash()).thenReturn(AskStatus.SENT))
			.onErrorResume(MessageRejectedException.class, (ex) -> rejected(ask, ex))
			.onErrorResume(MessageNotSentException.class, (ex) -> notSent(ask, ex, now));
	}

	// Seam: an SMS refused as OPTED_OUT may fall back to email once the helper's other
	// channel can be chosen here; for now it fails like any refusal.
	private Mono<AskStatus> rejected(ClaimedAsk ask, MessageRejectedException ex) {
		return end(ask, AskStatus.FAILED, ex.reason() + ": " + ex.getMessage());
	}

	private Mono<AskStatus> notSent(ClaimedAsk ask, MessageNotSentException ex, Instant now) {
		if (ex.outcomeUnknown()) {
			return this.asks.unknown(ask.id(), ex.getMessage(), ask.tokenHash()).thenReturn(AskStatus.UNKNOWN);
		}
		return this.asks.retryAt(ask.id(), now.plus(this.properties.backoff(ask.attempts())), ex.getMessage())
			.thenReturn(AskStatus.PENDING);
	}

	private Mono<AskStatus> end(ClaimedAsk ask, AskStatus status, String error) {
		return this.asks.end(ask.id(), status, error).thenReturn(status);
	}

	private static void logAbandoned(long abandoned) {
		if (abandoned > 0) {
			log.warn(abandoned + " asks stayed claimed past the sending lease and are now UNKNOWN");
		}
	}

}
