package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperDeclined;

/**
 * Stores a helper's no and tells the organiser's live view, once the no is committed.
 */
@Service
class Declines {

	private final ConfirmationRepository answers;

	private final OwnTransaction transaction;

	private final ApplicationEventPublisher events;

	Declines(ConfirmationRepository answers, OwnTransaction transaction, ApplicationEventPublisher events) {
		this.answers = answers;
		this.transaction = transaction;
		this.events = events;
	}

	/**
	 * Stores the helper's no, unless an answer is stored already.
	 * @param callout the callout the helper was asked for
	 * @param helperId the helper
	 * @param now the current instant
	 * @return {@code DECLINED}, or what a no answers after the stored answer
	 */
	Mono<Outcome> decline(CalloutSummary callout, UUID helperId, Instant now) {
		return this.answers.answer(callout.id(), helperId, Outcome.DECLINED)
			.as(this.transaction::of)
			.flatMap((first) -> first ? declined(callout, helperId, now)
					: this.answers.answerOf(callout.id(), helperId)
						.map((stored) -> Confirmations.repeated(stored, Answer.DECLINE)))
			.onErrorMap(GateUnavailableException::new);
	}

	private Mono<Outcome> declined(CalloutSummary callout, UUID helperId, Instant now) {
		this.events.publishEvent(new HelperDeclined(callout.id(), callout.organisationId(), helperId, now));
		return Mono.just(Outcome.DECLINED);
	}

}
