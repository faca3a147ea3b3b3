package org.zeitspende.ask;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.ask.NoticeRepository.ClaimedNotice;
import org.zeitspende.callout.CalloutCancelled;
import org.zeitspende.callout.CalloutExhausted;
import org.zeitspende.callout.CalloutFilled;
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperWithdrew;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.config.ScheduledJob;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.organisation.MemberContacts;

/**
 * Tells asked helpers and organisers what became of a callout. A cancellation writes one
 * notice per helper whose ask went out; filling, running out of helpers and a withdrawal
 * write one email to the member who created the callout; {@link SlotFreeNotices} tells a
 * helper on standby that a place is free. The relay sends them the way {@link AskRelay}
 * sends asks: claimed with {@code FOR UPDATE SKIP LOCKED} on any replica, retried only
 * when provably not sent, {@code UNKNOWN} when the provider may have taken it.
 * <p>
 * The events come after the change is committed; should the service stop in between, the
 * change stands and its notices are not written.
 */
@Component
class NoticeRelay {

	private static final Log log = LogFactory.getLog(NoticeRelay.class);

	private final ScheduledJob job = new ScheduledJob(log, "Relaying notices");

	// A fault that meets every notice would log a line per notice of a callout.
	private final FailureStreak unexpected = new FailureStreak(log, "Relaying single notices", "notice",
			Clock.systemUTC());

	private final NoticeRepository notices;

	private final CalloutSummaries callouts;

	private final HelperContacts contacts;

	private final MessageSender sender;

	private final MemberContacts members;

	private final AskMessages messages;

	private final AskProperties properties;

	NoticeRelay(NoticeRepository notices, CalloutSummaries callouts, HelperContacts contacts, MemberContacts members,
			MessageSender sender, AskMessages messages, AskProperties properties) {
		this.notices = notices;
		this.callouts = callouts;
		this.contacts = contacts;
		this.members = members;
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	@EventListener
	Mono<Void> on(CalloutCancelled cancelled) {
		return written(this.notices.insertCancelled(cancelled.calloutId(), cancelled.cancelledAt()),
				cancelled.calloutId());
	}

	@EventListener
	Mono<Void> on(CalloutFilled filled) {
		return written(this.notices.insertForOrganiser(filled.calloutId(), NoticeKind.CALLOUT_FILLED, filled.at())
			.flatMap((organiser) -> this.notices.insertNoLongerNeeded(filled.calloutId(), filled.at())
				.map((helpers) -> organiser + helpers)), filled.calloutId());
	}

	@EventListener
	Mono<Void> on(CalloutExhausted exhausted) {
		return written(
				this.notices.insertForOrganiser(exhausted.calloutId(), NoticeKind.CALLOUT_EXHAUSTED, exhausted.at()),
				exhausted.calloutId());
	}

	@EventListener
	Mono<Void> on(HelperWithdrew withdrawal) {
		return written(
				this.notices.insertForOrganiser(withdrawal.calloutId(), NoticeKind.HELPER_WITHDREW, withdrawal.at()),
				withdrawal.calloutId());
	}

	@Scheduled(initialDelayString = "${zeitspende.asks.poll-interval}",
			fixedDelayString = "${zeitspende.asks.poll-interval}")
	Mono<Void> pollOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> poll(Instant.now())));
	}

	/**
	 * Gives up abandoned claims, then claims due notices batch after batch
	 * ({@link DueBatches}) and sends them: the thousands of stand-downs of a filled
	 * callout go at the providers' pace, not a batch per poll.
	 * @param now the current instant
	 * @return how many notices were claimed
	 */
	Mono<Long> poll(Instant now) {
		AtomicLong claimed = new AtomicLong();
		int size = this.properties.batchSize();
		return this.notices.abandonClaimedBefore(now.minus(this.properties.sendingLease()))
			.thenMany(DueBatches.claim(() -> this.notices.claimDue(now, size), size, Flux::fromIterable, claimed))
			.flatMap((notice) -> relay(notice, now), this.properties.concurrency())
			.then(Mono.fromSupplier(claimed::get));
	}

	private Mono<AskStatus> relay(ClaimedNotice notice, Instant now) {
		return this.callouts.find(notice.calloutId())
			.flatMap(
					(callout) -> whyNotNeeded(notice, callout)
						.flatMap((reason) -> end(notice, AskStatus.SKIPPED, reason))
						.switchIfEmpty(Mono
							.defer(() -> message(notice, callout).flatMap((message) -> send(notice, message, now)))))
			.switchIfEmpty(Mono.defer(() -> end(notice, AskStatus.FAILED,
					notice.toOrganiser() ? "no email of the organiser" : "no verified contact on " + notice.channel())))
			.doOnSuccess((status) -> this.unexpected.succeeded())
			.onErrorResume((ex) -> {
				this.unexpected.failed(ex, (before) -> log.warn("Notice " + notice.id()
						+ " left claimed after an unexpected failure: " + FailureStreak.reason(ex) + before));
				return Mono.empty();
			});
	}

	// A stand-down waits its turn behind the others of a large callout, seconds or
	// minutes. By then a withdrawal may have opened a place again, which the helper's
	// link may take, or the callout may be cancelled, which its own notice tells; or the
	// helper may have said no, or come too late and joined the standby list, which "no
	// longer needed" would contradict; or a stand-down of another fill tells the same.
	private Mono<String> whyNotNeeded(ClaimedNotice notice, CalloutSummary callout) {
		if (notice.kind() != NoticeKind.NO_LONGER_NEEDED) {
			return Mono.empty();
		}
		if (callout.status() != CalloutStatus.FILLED) {
			return Mono.just("the callout is " + callout.status() + " now");
		}
		return this.notices.standDownNeedless(notice.id());
	}

	private Mono<OutgoingMessage> message(ClaimedNotice notice, CalloutSummary callout) {
		if (notice.toOrganiser()) {
			return this.members.email(callout.organisationId(), notice.recipientId())
				.flatMap((email) -> this.messages.toOrganiser(notice, callout, email));
		}
		return this.contacts.addressFor(notice.recipientId(), notice.channel())
			.flatMap((recipient) -> this.messages.toHelper(notice, callout, recipient));
	}

	private Mono<AskStatus> send(ClaimedNotice notice, OutgoingMessage message, Instant now) {
		return this.sender.send(message)
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

	private Mono<Void> written(Mono<Long> insert, UUID calloutId) {
		return insert.doOnError(
				(ex) -> log.error("Notices about callout " + calloutId + " could not be written: " + ex.getMessage()))
			.then();
	}

	private Mono<AskStatus> end(ClaimedNotice notice, AskStatus status, String error) {
		return this.notices.end(notice.id(), status, error).thenReturn(status);
	}

}
