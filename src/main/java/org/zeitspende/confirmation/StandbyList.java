package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.ask.SlotFreeNotices;
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperWithdrew;

/**
 * Helpers who came too late wait on a callout's standby list. When a confirmed helper
 * withdraws, the helper who waits longest is told that a place is free and confirms again
 * through the gate: a helper on standby never holds a slot, so the gate alone keeps the
 * count exact. The next wave goes out at the same time; whoever confirms first takes the
 * place.
 */
@Component
class StandbyList {

	private static final Log log = LogFactory.getLog(StandbyList.class);

	private final StandbyRepository standby;

	private final SlotFreeNotices notices;

	private final TransactionalOperator transaction;

	StandbyList(StandbyRepository standby, SlotFreeNotices notices, ReactiveTransactionManager transactions) {
		this.standby = standby;
		this.notices = notices;
		this.transaction = TransactionalOperator.create(transactions);
	}

	/**
	 * Whether a callout has a standby list: it is open or filled and has not started.
	 * @param callout the callout
	 * @param now the current instant
	 * @return {@code true} when helpers may wait for a place
	 */
	static boolean kept(CalloutSummary callout, Instant now) {
		boolean openOrFilled = callout.status() == CalloutStatus.OPEN || callout.status() == CalloutStatus.FILLED;
		return openOrFilled && callout.startsAt().isAfter(now);
	}

	/**
	 * Puts a helper who has not answered on the list.
	 * @param callout the callout as read before
	 * @param helperId the helper
	 * @param now the current instant
	 * @return {@code STANDBY}, or {@code CLOSED} when the callout has no list any more
	 */
	Mono<Outcome> join(CalloutSummary callout, UUID helperId, Instant now) {
		if (!kept(callout, now)) {
			return Mono.just(Outcome.CLOSED);
		}
		return this.standby.join(callout.id(), helperId)
			.thenReturn(Outcome.STANDBY)
			.onErrorMap(GateUnavailableException::new);
	}

	/**
	 * Whether a helper waits on the list.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @return {@code true} while the helper waits for an offer
	 */
	Mono<Boolean> waiting(UUID calloutId, UUID helperId) {
		return this.standby.waiting(calloutId, helperId);
	}

	// The withdrawal is committed: one place, one offer. Spring subscribes to the result,
	// so the publishing thread does not wait for it.
	@EventListener
	Mono<Void> on(HelperWithdrew withdrawal) {
		return offer(withdrawal.calloutId(), withdrawal.at()).then().onErrorResume((ex) -> {
			log.warn("No standby offer for callout " + withdrawal.calloutId() + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * Tells the helper who waits longest that a place is free.
	 * @param calloutId the callout
	 * @param at when the place opened again
	 * @return the helper told; empty when nobody waits
	 */
	Mono<UUID> offer(UUID calloutId, Instant at) {
		return next(calloutId, at).as(this.transaction::transactional);
	}

	// A helper who cannot be told any more (no contact, consent withdrawn) leaves the
	// list, and the next one gets the turn.
	private Mono<UUID> next(UUID calloutId, Instant at) {
		return this.standby.first(calloutId, at)
			.flatMap((helperId) -> this.notices.queue(calloutId, helperId, at)
				.flatMap((queued) -> queued ? this.standby.offered(calloutId, helperId, at).thenReturn(helperId)
						: this.standby.leave(calloutId, helperId).then(Mono.defer(() -> next(calloutId, at)))));
	}

}
