package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutReopened;
import org.zeitspende.callout.CalloutSlots;
import org.zeitspende.callout.CalloutSlots.Slots;
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperWithdrew;

/**
 * A confirmed helper gives the slot back, until the configured time before the start.
 * PostgreSQL first (the answer and the slot in one transaction), then Redis: the slot
 * opens exactly once, however often the request comes, and {@link HelperWithdrew} is
 * published once after the commit.
 */
@Component
class Withdrawals {

	private final CalloutSlots slots;

	private final ConfirmationRepository answers;

	private final SlotGate gate;

	private final OwnTransaction transaction;

	private final ApplicationEventPublisher events;

	private final ConfirmationProperties properties;

	Withdrawals(CalloutSlots slots, ConfirmationRepository answers, SlotGate gate, OwnTransaction transaction,
			ApplicationEventPublisher events, ConfirmationProperties properties) {
		this.slots = slots;
		this.answers = answers;
		this.gate = gate;
		this.transaction = transaction;
		this.events = events;
		this.properties = properties;
	}

	/**
	 * Whether a confirmed helper may still withdraw: the callout is not called off, and
	 * its start is further away than the configured time.
	 * @param callout the callout
	 * @param now the current instant
	 * @return {@code true} when a withdrawal would be taken
	 */
	boolean possible(CalloutSummary callout, Instant now) {
		boolean openOrFilled = callout.status() == CalloutStatus.OPEN || callout.status() == CalloutStatus.FILLED;
		return openOrFilled && now.isBefore(callout.startsAt().minus(this.properties.withdrawUntil()));
	}

	/**
	 * Withdraws a confirmed helper.
	 * @param callout the callout as read before
	 * @param helperId a helper whose stored answer is a yes
	 * @param now the current instant
	 * @return {@code WITHDRAWN}, or {@code CLOSED} when it is too late or the callout is
	 * called off
	 */
	Mono<Outcome> withdraw(CalloutSummary callout, UUID helperId, Instant now) {
		if (!possible(callout, now)) {
			return Mono.just(Outcome.CLOSED);
		}
		Mono<Slots> released = this.answers.withdraw(callout.id(), helperId)
			.flatMap((withdrawn) -> withdrawn ? this.slots.release(callout.id()) : Mono.empty())
			.as(this.transaction::of);
		return released
			.flatMap((slots) -> this.gate.release(callout.id(), helperId)
				.then(Mono.fromRunnable(() -> publishWithdrawn(callout, helperId, slots, now)))
				.thenReturn(Outcome.WITHDRAWN))
			// A concurrent withdrawal came first.
			.switchIfEmpty(Mono.defer(() -> this.answers.answerOf(callout.id(), helperId)))
			// The withdrawal may have committed unanswered, its slot still held in Redis
			// until the reconciliation.
			.onErrorMap((ex) -> !(ex instanceof GateUnavailableException), GateUnavailableException::new)
			.as(Uninterrupted::of);
	}

	private void publishWithdrawn(CalloutSummary callout, UUID helperId, Slots slots, Instant now) {
		this.events.publishEvent(new HelperWithdrew(callout.id(), slots.organisationId(), helperId, now));
		// Released from a full callout: it was filled and takes helpers again.
		if (slots.filled() + 1 == slots.needed()) {
			this.events.publishEvent(new CalloutReopened(callout.id(), slots.organisationId(), now));
		}
	}

}
