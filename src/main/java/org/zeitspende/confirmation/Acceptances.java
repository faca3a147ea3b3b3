package org.zeitspende.confirmation;

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
 * answered before gets that answer again, one who came too late similar open callouts. A
 * yes for a callout this instance knows to be full reads PostgreSQL first, as a late yes
 * does anyway, and goes to the gate only when PostgreSQL has it open.
 */
@Component
class Acceptances {

	private static final Log log = LogFactory.getLog(Acceptances.class);

	private final LateAnswers late;

	private final SlotTakings takings;

	private final SlotGate gate;

	private final SlotReconciler reconciler;

	private final Alternatives alternatives;

	private final RecentCallouts recent;

	private final ApplicationEventPublisher events;

	Acceptances(LateAnswers late, SlotTakings takings, SlotGate gate, SlotReconciler reconciler,
			Alternatives alternatives, RecentCallouts recent, ApplicationEventPublisher events) {
		this.late = late;
		this.takings = takings;
		this.gate = gate;
		this.reconciler = reconciler;
		this.alternatives = alternatives;
		this.recent = recent;
		this.events = events;
	}

	/**
	 * Confirms a helper if a slot is free, or answers what the helper answered before.
	 * @param asked the ask, with its callout as read a moment ago
	 * @param now the current instant
	 * @return {@code CONFIRMED}, {@code FULL} with similar open callouts, {@code CLOSED},
	 * or what the helper answered before; with the callout as it stands
	 */
	Mono<Result> accept(Asked asked, Instant now) {
		CalloutSummary callout = asked.callout();
		// A callout read as filled may have opened again since: it is not refused here.
		boolean mayTake = (callout.status() == CalloutStatus.OPEN || callout.status() == CalloutStatus.FILLED)
				&& callout.startsAt().isAfter(now);
		if (!mayTake) {
			return tooLate(asked, Outcome.CLOSED, now);
		}
		// Most yeses for a callout known to be full come too late, and a late yes reads
		// PostgreSQL anyway: that read comes first, and the gate is asked only when it
		// finds the callout open.
		Mono<Result> result = (callout.status() == CalloutStatus.FILLED) ? tooLate(asked, Outcome.FULL, false, now)
				: gated(asked, Mono.defer(() -> tooLate(asked.withCallout(full(callout)), Outcome.FULL, now)), now);
		return result.as(Uninterrupted::of);
	}

	private Mono<Result> gated(Asked asked, Mono<Result> whenFull, Instant now) {
		return reserve(asked.callout().id(), asked.helperId(), now).flatMap((reservation) -> switch (reservation) {
			case FULL -> whenFull;
			case RESERVED -> take(asked, true, now);
			// A repeat, one in flight, or no gate: PostgreSQL decides alone.
			case ALREADY, UNAVAILABLE, UNKNOWN -> take(asked, false, now);
		});
	}

	// A missing counter is rebuilt from PostgreSQL, then the gate is asked once more.
	private Mono<Reservation> reserve(UUID calloutId, UUID helperId, Instant now) {
		return this.gate.reserve(calloutId, helperId)
			.flatMap((reservation) -> (reservation != Reservation.UNKNOWN) ? Mono.just(reservation)
					: this.reconciler.rebuildMissing(calloutId, now)
						.onErrorResume((ex) -> Mono.empty())
						.then(this.gate.reserve(calloutId, helperId)));
	}

	private Mono<Result> take(Asked asked, boolean reserved, Instant now) {
		UUID calloutId = asked.callout().id();
		Mono<Void> undo = reserved ? this.gate.release(calloutId, asked.helperId()) : Mono.empty();
		Mono<SlotTaking> taken = this.takings.take(calloutId, asked.helperId(), now).onErrorResume((ex) -> {
			log.warn("Could not store a confirmation for callout " + calloutId + ": " + ex.getMessage());
			return undo.then(Mono.error(new GateUnavailableException(ex)));
		});
		return taken.flatMap((taking) -> switch (taking.kind()) {
			case CONFIRMED -> Mono.just(confirmed(asked, taking, now));
			// Answered in a request that committed first. If that was the helper's
			// own yes (a second tap, let through as ALREADY), the reservation is
			// the helper's slot: given back, Redis would count it open and miss
			// the helper among its holders.
			case ANSWERED -> ((taking.stored() == Outcome.CONFIRMED) ? Mono.<Void>empty() : undo).thenReturn(
					new Result(Confirmations.repeated(taking.stored(), Answer.ACCEPT), asked.callout(), List.of()));
			case NO_SLOT ->
				undo.then(tooLate(asked.withCallout(asked.callout().withSlots(taking.status(), taking.filled())),
						closedOrFull(taking), now));
		});
	}

	private Result confirmed(Asked asked, SlotTaking taking, Instant now) {
		UUID calloutId = asked.callout().id();
		this.events.publishEvent(new HelperConfirmed(calloutId, taking.organisationId(), asked.helperId(), now));
		if (taking.filled() >= taking.needed()) {
			this.events.publishEvent(new CalloutFilled(calloutId, taking.organisationId(), taking.needed(), now));
		}
		return new Result(Outcome.CONFIRMED, learned(asked, taking), List.of());
	}

	private CalloutSummary learned(Asked asked, SlotTaking taking) {
		CalloutSummary callout = asked.callout().withSlots(taking.status(), taking.filled());
		this.recent.learned(callout);
		return callout;
	}

	// The gate says no slot is left, also while confirmations it let through are still on
	// their way to PostgreSQL: the callout is shown as full.
	private CalloutSummary full(CalloutSummary callout) {
		if (callout.filled() >= callout.needed()) {
			return callout;
		}
		CalloutSummary full = callout.withSlots(CalloutStatus.FILLED, callout.needed());
		this.recent.learned(full);
		return full;
	}

	// No slot for this helper: unless the helper answered before, FULL comes with similar
	// open callouts, read with the callout's status and the helper's answers at once. A
	// callout cancelled or ended since it was read answers CLOSED.
	private Mono<Result> tooLate(Asked asked, Outcome fullOrClosed, Instant now) {
		return tooLate(asked, fullOrClosed, true, now);
	}

	// Open in PostgreSQL while the gate was not asked: a slot opened again since this
	// instance learned that the callout was full, or the last yeses the gate let through
	// are still on their way. The gate decides, and its FULL needs no second read.
	private Mono<Result> tooLate(Asked asked, Outcome fullOrClosed, boolean gateAsked, Instant now) {
		CalloutSummary callout = asked.callout();
		Mono<List<Alternatives.Candidate>> candidates = (fullOrClosed == Outcome.FULL)
				? this.alternatives.candidates(callout, now) : Mono.just(List.of());
		return candidates.flatMap((similar) -> this.late
			.of(callout.id(), asked.helperId(), similar.stream().map(Alternatives.Candidate::calloutId).toList())
			.flatMap((late) -> {
				Outcome stored = late.answered().get(callout.id());
				if (stored != null) {
					return Mono.just(new Result(Confirmations.repeated(stored, Answer.ACCEPT), callout, List.of()));
				}
				boolean takes = (late.status() == CalloutStatus.OPEN || late.status() == CalloutStatus.FILLED)
						&& callout.startsAt().isAfter(now);
				if (fullOrClosed == Outcome.FULL && takes) {
					Mono<Result> full = Mono
						.just(new Result(Outcome.FULL, callout, Alternatives.shown(similar, late.answered())));
					return (!gateAsked && late.status() == CalloutStatus.OPEN) ? gated(asked, full, now) : full;
				}
				CalloutSummary ended = callout.withSlots(late.status(), late.filled());
				this.recent.learned(ended);
				return Mono.just(new Result(Outcome.CLOSED, ended, List.of()));
			}));
	}

	private static Outcome closedOrFull(SlotTaking taking) {
		boolean full = taking.status() == CalloutStatus.FILLED
				|| (taking.status() == CalloutStatus.OPEN && taking.filled() >= taking.needed());
		return full ? Outcome.FULL : Outcome.CLOSED;
	}

}
