package org.zeitspende.ask;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.ask.NoticeRepository.ClaimedNotice;
import org.zeitspende.callout.CalloutCancelled;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.OpenCallouts;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.HelperAddress;
import org.zeitspende.helper.HelperContacts;

/**
 * Tells asked helpers what became of a callout. A cancellation writes one notice per
 * helper whose ask went out; the relay sends them the way {@link AskRelay} sends asks:
 * claimed with {@code FOR UPDATE SKIP LOCKED} on any replica, retried only when provably
 * not sent, {@code UNKNOWN} when the provider may have taken it.
 * <p>
 * The event comes after the cancellation is committed; should the service stop in
 * between, the cancellation stands and its notices are not written.
 */
@Component
class NoticeRelay {

	private static final Log log = LogFactory.getLog(NoticeRelay.class);

	private final NoticeRepository notices;

	private final OpenCallouts callouts;

	private final HelperContacts contacts;

	private final MessageSender sender;

	private final AskMessages messages;

	private final AskProperties properties;

	NoticeRelay(NoticeRepository notices, OpenCallouts callouts, HelperContacts contacts, MessageSender sender,
			AskMessages messages, AskProperties properties) {
		this.notices = notices;
		this.callouts = callouts;
		this.contacts = contacts;
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	@EventListener
	Mono<Void> on(CalloutCancelled cancelled) {
		return this.notices.insertCancelled(cancelled.calloutId())
			.doOnError((ex) -> log.error("Cancellation notices for callout " + cancelled.calloutId()
					+ " could not be written: " + ex.getMessage()))
			.then();
	}

	@Scheduled(initialDelayString = "${zeitspende.asks.poll-interval}",
			fixedDelayString = "${zeitspende.asks.poll-interval}")
	Mono<Void> pollOnSchedule() {
		return poll(Instant.now()).then();
	}

	/**
	 * Gives up abandoned claims, then claims one batch of due notices and sends them.
	 * @param now the current instant
	 * @return how many notices were claimed
	 */
	Mono<Long> poll(Instant now) {
		return this.notices.abandonClaimedBefore(now.minus(this.properties.sendingLease()))
			.thenMany(this.notices.claimDue(now, this.properties.batchSize()))
			.flatMap((notice) -> relay(notice, now), this.properties.concurrency())
			.count();
	}

	private Mono<AskStatus> relay(ClaimedNotice notice, Instant now) {
		return Mono
			.zip(this.callouts.summary(notice.calloutId()),
					this.contacts.addressFor(notice.helperId(), notice.channel()))
			.flatMap((found) -> send(notice, found.getT1(), found.getT2(), now))
			.switchIfEmpty(
					Mono.defer(() -> end(notice, AskStatus.FAILED, "no verified contact on " + notice.channel())))
			.onErrorResume((ex) -> {
				log.warn("Notice " + notice.id() + " left claimed after an unexpected failure: " + ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<AskStatus> send(ClaimedNotice notice, CalloutSummary callout, HelperAddress recipient, Instant now) {
		return this.messages.cancelled(notice, callout, recipient)
			.flatMap(this.sender::send)
			.flatMap((sent) -> this.notices.sent(notice.id(), sent.providerId()).thenReturn(AskStatus.SENT))
			.onErrorResume(MessageRejectedException.class,
					(ex) -> end(notice, AskStatus.FAILED, ex.reason() + ": " + ex.getMessage()))
			.onErrorResume(MessageNotSentException.class, (ex) -> notSent(notice, ex, now));
	}

	private Mono<AskStatus> notSent(ClaimedNotice notice, MessageNotSentException ex, Instant now) {
		if (ex.outcomeUnknown()) {
			return end(notice, AskStatus.UNKNOWN, ex.getMessage());
		}
		return this.notices.retryAt(notice.id(), now.plus(this.properties.backoff(notice.attempts())), ex.getMessage())
			.thenReturn(AskStatus.PENDING);
	}

	private Mono<AskStatus> end(ClaimedNotice notice, AskStatus status, String error) {
		return this.notices.end(notice.id(), status, error).thenReturn(status);
	}

}
