package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperDeclined;

/**
 * Stores a helper's no and tells the organiser's live view, once the no is committed.
 */
@Service
class Declines {

	private final ConfirmationRepository answers;

	private final TransactionalOperator transaction;

	private final ApplicationEventPublisher events;

	Declines(ConfirmationRepository answers, ReactiveTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.answers = answers;
		// A transaction of its own, also inside a caller's (an SMS reply's), as for a
		// yes: a no is committed before it is published.
		this.transaction = TransactionalOperator.create(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
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
			.as(this.transaction::transactional)
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
