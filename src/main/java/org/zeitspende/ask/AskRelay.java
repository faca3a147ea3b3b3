package org.zeitspende.ask;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.ask.AskRepository.SentAsk;
import org.zeitspende.callout.OpenCallout;
import org.zeitspende.callout.OpenCallouts;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.config.ScheduledJob;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.HelperAddress;
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

	private static final int SENT_BATCH = 200;

	private static final Duration SENT_WAIT = Duration.ofMillis(50);

	private final ScheduledJob job = new ScheduledJob(log, "Relaying asks");

	// A fault that meets every ask (a template that fails, PostgreSQL gone mid-batch)
	// would log a stack trace per ask of a fan-out.
	private final FailureStreak unexpected = new FailureStreak(log, "Relaying single asks", "ask", Clock.systemUTC());

	private final AskRepository asks;

	private final OpenCallouts callouts;

	private final HelperContacts contacts;

	private final MessageSender sender;

	private final AskMessages messages;

	private final SmsFallback fallback;

	private final AskTokens tokens;

	private final AskProperties properties;

	AskRelay(AskRepository asks, OpenCallouts callouts, HelperContacts contacts, MessageSender sender,
			AskMessages messages, SmsFallback fallback, AskTokens tokens, AskProperties properties) {
		this.asks = asks;
		this.callouts = callouts;
		this.contacts = contacts;
		this.sender = sender;
		this.messages = messages;
		this.fallback = fallback;
		this.tokens = tokens;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${zeitspende.asks.poll-interval}",
			fixedDelayString = "${zeitspende.asks.poll-interval}")
	Mono<Void> pollOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> poll(Instant.now())).doOnNext((handled) -> {
			if (handled > 0) {
				log.debug("Relayed " + handled + " asks");
			}
		}));
	}

	/**
	 * Gives up abandoned claims, then claims the asks due at {@code now} and sends them,
	 * batch after batch while the batches come full ({@link DueBatches}).
	 * @param now the current instant
	 * @return how many asks were claimed
	 */
	Mono<Long> poll(Instant now) {
		AtomicLong claimed = new AtomicLong();
		int size = this.properties.batchSize();
		return this.asks.abandonClaimedBefore(now.minus(this.properties.sendingLease()))
			.doOnNext(AskRelay::logAbandoned)
			.thenMany(DueBatches.claim(() -> this.asks.claimDue(now, size), size, (batch) -> addressed(batch, now),
					claimed))
			.flatMap((ask) -> relay(ask.ask(), ask.open(), ask.addresses(), now), this.properties.concurrency())
			// Fair backpressure: concatMap takes one buffer at a time, and a timer firing
			// in between must wait rather than fail the batch.
			.bufferTimeout(SENT_BATCH, SENT_WAIT, true)
			.concatMap(this.asks::sent)
			.then(Mono.fromSupplier(claimed::get));
	}

	// The batch's addresses come in one query and the asks the providers took are
	// recorded in batches: per-ask round trips to PostgreSQL would bound the fan-out.
	private Flux<AddressedAsk> addressed(List<ClaimedAsk> batch, Instant now) {
		OpenCalloutCheck open = new OpenCalloutCheck(this.callouts, now);
		return this.contacts.addressesFor(batch.stream().map(ClaimedAsk::helperId).collect(Collectors.toSet()))
			.flatMapMany((addresses) -> Flux.fromIterable(batch).map((ask) -> new AddressedAsk(ask, open, addresses)));
	}

	private Mono<SentAsk> relay(ClaimedAsk ask, OpenCalloutCheck open, HelperContacts.Addresses addresses,
			Instant now) {
		return open.find(ask.calloutId())
			.flatMap((callout) -> sendTo(ask, callout, addresses, now))
			.switchIfEmpty(Mono.defer(() -> end(ask, AskStatus.SKIPPED, "callout no longer open").then(Mono.empty())))
			// Sent, skipped, refused or put off: handled as it should be.
			.doOnSuccess((sent) -> this.unexpected.succeeded())
			// Whatever else went wrong leaves the claim to expire as UNKNOWN: it may
			// have been sent.
			.onErrorResume((ex) -> {
				this.unexpected.failed(ex, (before) -> log
					.warn("Ask " + ask.id() + " left claimed after an unexpected failure" + before, ex));
				return Mono.empty();
			});
	}

	private Mono<SentAsk> sendTo(ClaimedAsk ask, OpenCallout callout, HelperContacts.Addresses addresses, Instant now) {
		return Mono.justOrEmpty(addresses.of(ask.helperId(), ask.channel()))
			.flatMap((recipient) -> send(ask.withToken(this.tokens.mint()), callout, recipient, now))
			.switchIfEmpty(Mono
				.defer(() -> end(ask, AskStatus.FAILED, "no verified contact on " + ask.channel()).then(Mono.empty())));
	}

	private Mono<SentAsk> send(ClaimedAsk ask, OpenCallout callout, HelperAddress recipient, Instant now) {
		return this.messages.message(ask, callout, recipient, now)
			.flatMap(this.sender::send)
			.map((sent) -> new SentAsk(ask.id(), ask.calloutId(), sent.providerId(), ask.tokenHash()))
			.onErrorResume(MessageRejectedException.class, (ex) -> rejected(ask, recipient, ex).then(Mono.empty()))
			.onErrorResume(MessageNotSentException.class, (ex) -> notSent(ask, ex, now).then(Mono.empty()));
	}

	private Mono<AskStatus> rejected(ClaimedAsk ask, HelperAddress recipient, MessageRejectedException ex) {
		if (ask.channel() == Channel.SMS) {
			return this.fallback.refused(ask, recipient, ex);
		}
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

	private record AddressedAsk(ClaimedAsk ask, OpenCalloutCheck open, HelperContacts.Addresses addresses) {
	}

	private static void logAbandoned(long abandoned) {
		if (abandoned > 0) {
			log.warn(abandoned + " asks stayed claimed past the sending lease and are now UNKNOWN");
		}
	}

}
