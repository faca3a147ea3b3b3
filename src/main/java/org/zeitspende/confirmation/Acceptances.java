package org.zeitspende.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutFilled;
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperConfirmed;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.confirmation.ConfirmationRepository.SlotTaking;
import org.zeitspende.confirmation.Confirmations.Asked;
import org.zeitspende.confirmation.Confirmations.Result;
import org.zeitspende.confirmation.SlotGate.Reservation;

/**
 * A yes: the Redis gate turns the surplus away, then one PostgreSQL statement stores the
 * answer under {@code UNIQUE (callout, helper)} and takes a slot with a conditional
 * update ({@code take_slots}, together with the yeses that wait with it: group commit),
 * committing by itself. "Confirmed" is answered only after the commit. When PostgreSQL
 * fails, the reservation is given back and the request fails with 503. A helper who
 * answered before gets that answer again, one who came too late similar open callouts:
 * both from the read the request began with, so a yes for a callout PostgreSQL has filled
 * costs neither the gate nor a second read.
 */
@Component
class Acceptances {

	private static final Log log = LogFactory.getLog(Acceptances.class);

	private final FailureStreak failures = new FailureStreak(log, "Storing confirmations", "confirmation",
			Clock.systemUTC());

	private final SlotTakings takings;

	private final SlotGate gate;

	private final SlotReconciler reconciler;

	private final Alternatives alternatives;

	private final ApplicationEventPublisher events;

	Acceptances(SlotTakings takings, SlotGate gate, SlotReconciler reconciler, Alternatives alternatives,
			ApplicationEventPublisher events) {
		this.takings = takings;
		this.gate = gate;
		this.reconciler = reconciler;
		this.alternatives = alternatives;
		this.events = events;
	}

	/**
	 * Confirms a helper if a slot is free, or answers what the helper answered before.
	 * @param asked the ask, with its callout's status and the helper's answers as read
	 * for this request
	 * @param now the current instant
	 * @return {@code CONFIRMED}, {@code FULL} with similar open callouts, {@code CLOSED},
	 * or what the helper answered before; with the callout as it stands
	 */
	Mono<Result> accept(Asked asked, Instant now) {
		CalloutSummary callout = asked.callout();
		if (asked.answer() != null) {
			return Mono.just(again(asked.answer(), callout));
		}
		if (callout.status() != CalloutStatus.OPEN || !callout.startsAt().isAfter(now)) {
			return tooLate(asked, now);
		}
		return gated(asked, now).as(Uninterrupted::of);
	}

	private Mono<Result> gated(Asked asked, Instant now) {
		return reserve(asked.callout().id(), asked.helperId(), now).flatMap((reservation) -> switch (reservation) {
			// Also while the yeses it let through are on their way to PostgreSQL. The
			// helper's answers are those read before: a no of the helper's own sent at
			// the same moment is stored, and this yes answers FULL, not the no.
			case FULL ->
				full(asked.withCallout(asked.callout().withSlots(CalloutStatus.FILLED, asked.callout().needed())), now);
			case RESERVED -> take(asked, true, now);
			// A repeat, one in flight, or no gate: PostgreSQL decides alone.
			case ALREADY, UNAVAILABLE, UNKNOWN -> take(asked, false, now);
		});
	}

	// A missing counter is rebuilt from PostgreSQL, then the gate is asked once more; if
	// the rebuild failed, the gate says UNKNOWN or UNAVAILABLE again and PostgreSQL
	// decides alone.
	private Mono<Reservation> reserve(UUID calloutId, UUID helperId, Instant now) {
		return this.gate.reserve(calloutId, helperId)
			.flatMap((reservation) -> (reservation != Reservation.UNKNOWN) ? Mono.just(reservation)
					: this.reconciler.rebuildMissing(calloutId, now)
						.onErrorComplete()
						.then(this.gate.reserve(calloutId, helperId)));
	}

	private Mono<Result> take(Asked asked, boolean reserved, Instant now) {
		UUID calloutId = asked.callout().id();
		Mono<Void> undo = reserved ? this.gate.release(calloutId, asked.helperId()).then() : Mono.empty();
		Mono<SlotTaking> taken = this.takings.take(calloutId, asked.helperId(), now)
			.doOnNext((taking) -> this.failures.succeeded())
			.onErrorResume((ex) -> {
				// The commit may have gone through unanswered: if so, the reconciliation
				// adds the helper back.
				this.failures.failed(ex, (before) -> log.warn("Could not store a confirmation for callout " + calloutId
						+ ": " + FailureStreak.reason(ex) + before));
				return undo.then(Mono.error(new GateUnavailableException(ex)));
			});
		return taken.flatMap((taking) -> switch (taking.kind()) {
			case CONFIRMED -> Mono.just(confirmed(asked, taking, now));
			// Answered in a request that committed first. If that was the helper's
			// own yes (a second tap, let through as ALREADY), the reservation is
			// the helper's slot: given back, Redis would count it open and miss
			// the helper among its holders.
			case ANSWERED -> ((taking.stored() == Outcome.CONFIRMED) ? Mono.<Void>empty() : undo)
				.thenReturn(again(taking.stored(), asked.callout()));
			case NO_SLOT -> {
				Asked standing = asked.withCallout(asked.callout().withSlots(taking.status(), taking.filled()));
				yield undo.then(tooLate(standing, now));
			}
		});
	}

	private Result confirmed(Asked asked, SlotTaking taking, Instant now) {
		UUID calloutId = asked.callout().id();
		this.events.publishEvent(new HelperConfirmed(calloutId, taking.organisationId(), asked.helperId(), now));
		if (taking.filled() >= taking.needed()) {
			this.events.publishEvent(new CalloutFilled(calloutId, taking.organisationId(), taking.needed(), now));
		}
		return new Result(Outcome.CONFIRMED, asked.callout().withSlots(taking.status(), taking.filled()), List.of());
	}

	// A yes from a helper who answered before gets that answer again.
	private static Result again(Outcome stored, CalloutSummary callout) {
		return new Result(Confirmations.repeated(stored, Answer.ACCEPT), callout, List.of());
	}

	// No slot for this helper: FULL while the callout is filled and has not started, else
	// CLOSED (cancelled, ended, or started).
	private Mono<Result> tooLate(Asked asked, Instant now) {
		CalloutSummary callout = asked.callout();
		boolean filled = callout.status() == CalloutStatus.FILLED
				|| (callout.status() == CalloutStatus.OPEN && callout.filled() >= callout.needed());
		return (filled && callout.startsAt().isAfter(now)) ? full(asked, now)
				: Mono.just(new Result(Outcome.CLOSED, callout, List.of()));
	}

	// Similar open callouts the helper has not answered.
	private Mono<Result> full(Asked asked, Instant now) {
		return this.alternatives.candidates(asked.callout(), now)
			.map((similar) -> new Result(Outcome.FULL, asked.callout(), Alternatives.shown(similar, asked.answered())));
	}

}
