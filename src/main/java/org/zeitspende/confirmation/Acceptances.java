package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutFilled;
import org.zeitspende.callout.CalloutSlots;
import org.zeitspende.callout.CalloutSlots.Slots;
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperConfirmed;
import org.zeitspende.confirmation.SlotGate.Reservation;

/**
 * A first yes: the Redis gate turns the surplus away, then one PostgreSQL transaction
 * stores the answer under {@code UNIQUE (callout, helper)} and takes a slot with a
 * conditional update. "Confirmed" is answered only after the commit. When PostgreSQL
 * fails, the reservation is given back and the request fails with 503.
 */
@Component
class Acceptances {

	private static final Log log = LogFactory.getLog(Acceptances.class);

	private final CalloutSummaries callouts;

	private final CalloutSlots slots;

	private final ConfirmationRepository answers;

	private final SlotGate gate;

	private final SlotReconciler reconciler;

	private final OwnTransaction transaction;

	private final ApplicationEventPublisher events;

	Acceptances(CalloutSummaries callouts, CalloutSlots slots, ConfirmationRepository answers, SlotGate gate,
			SlotReconciler reconciler, OwnTransaction transaction, ApplicationEventPublisher events) {
		this.callouts = callouts;
		this.slots = slots;
		this.answers = answers;
		this.gate = gate;
		this.reconciler = reconciler;
		this.transaction = transaction;
		this.events = events;
	}

	/**
	 * Confirms a helper who has not answered yet, if a slot is free.
	 * @param callout the callout as read before
	 * @param helperId the helper
	 * @param now the current instant
	 * @return {@code CONFIRMED}, {@code FULL}, {@code CLOSED}, or the answer a concurrent
	 * request of the same helper stored first
	 */
	Mono<Outcome> accept(CalloutSummary callout, UUID helperId, Instant now) {
		if (!callout.takesHelpers(now)) {
			return Mono.just(closedOrFull(callout));
		}
		return reserve(callout.id(), helperId, now).flatMap((reservation) -> switch (reservation) {
			case FULL -> Mono.just(Outcome.FULL);
			case RESERVED -> confirm(callout.id(), helperId, true, now);
			// A repeat in flight, or no gate: PostgreSQL decides alone.
			case ALREADY, UNAVAILABLE, UNKNOWN -> confirm(callout.id(), helperId, false, now);
		}).as(Uninterrupted::of);
	}

	// A missing counter is rebuilt from PostgreSQL, then the gate is asked once more.
	private Mono<Reservation> reserve(UUID calloutId, UUID helperId, Instant now) {
		return this.gate.reserve(calloutId, helperId)
			.flatMap((reservation) -> (reservation != Reservation.UNKNOWN) ? Mono.just(reservation)
					: this.reconciler.rebuildMissing(calloutId, now)
						.onErrorResume((ex) -> Mono.empty())
						.then(this.gate.reserve(calloutId, helperId)));
	}

	private Mono<Outcome> confirm(UUID calloutId, UUID helperId, boolean reserved, Instant now) {
		Mono<Slots> stored = this.answers.answer(calloutId, helperId, Outcome.CONFIRMED)
			.flatMap((first) -> first ? this.slots.take(calloutId, now) : Mono.error(AnsweredBefore::new))
			.switchIfEmpty(Mono.error(NoSlotLeft::new))
			.as(this.transaction::of);
		Mono<Void> undo = reserved ? this.gate.release(calloutId, helperId) : Mono.empty();
		return stored.map((slots) -> confirmed(calloutId, helperId, slots, now))
			.onErrorResume(AnsweredBefore.class,
					(ex) -> undo.then(this.answers.answerOf(calloutId, helperId))
						.map((answer) -> Confirmations.repeated(answer, Answer.ACCEPT)))
			.onErrorResume(NoSlotLeft.class,
					(ex) -> undo.then(this.callouts.find(calloutId)).map(Acceptances::closedOrFull))
			.onErrorResume((ex) -> !(ex instanceof GateUnavailableException), (ex) -> {
				log.warn("Could not store a confirmation for callout " + calloutId + ": " + ex.getMessage());
				return undo.then(Mono.error(new GateUnavailableException(ex)));
			});
	}

	private Outcome confirmed(UUID calloutId, UUID helperId, Slots slots, Instant now) {
		this.events.publishEvent(new HelperConfirmed(calloutId, slots.organisationId(), helperId, now));
		if (slots.full()) {
			this.events.publishEvent(new CalloutFilled(calloutId, slots.organisationId(), slots.needed(), now));
		}
		return Outcome.CONFIRMED;
	}

	private static Outcome closedOrFull(CalloutSummary callout) {
		boolean full = callout.status() == CalloutStatus.FILLED
				|| (callout.status() == CalloutStatus.OPEN && callout.filled() >= callout.needed());
		return full ? Outcome.FULL : Outcome.CLOSED;
	}

	// The helper answered before, possibly in a concurrent request that committed first.
	private static final class AnsweredBefore extends RuntimeException {

		AnsweredBefore() {
			super(null, null, false, false);
		}

	}

	private static final class NoSlotLeft extends RuntimeException {

		NoSlotLeft() {
			super(null, null, false, false);
		}

	}

}
