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
import org.zeitspende.ask.AskTokens;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.HelperDeclined;

/**
 * The one state machine for answers to asks, whether they come by link, JSON or SMS.
 * <p>
 * The first answer stands: a repeated request answers what the first one did. Only a
 * withdrawal changes a stored yes. Withdrawing without a yes is a no.
 */
@Service
class Confirmations {

	private final AskTokens tokens;

	private final CalloutSummaries callouts;

	private final ConfirmationRepository answers;

	private final Acceptances acceptances;

	private final Withdrawals withdrawals;

	private final TransactionalOperator transaction;

	private final ApplicationEventPublisher events;

	Confirmations(AskTokens tokens, CalloutSummaries callouts, ConfirmationRepository answers, Acceptances acceptances,
			Withdrawals withdrawals, ReactiveTransactionManager transactions, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.callouts = callouts;
		this.answers = answers;
		this.acceptances = acceptances;
		this.withdrawals = withdrawals;
		// A transaction of its own, also inside a caller's (an SMS reply's), as for a
		// yes:
		// a no is committed before it is published.
		this.transaction = TransactionalOperator.create(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
		this.events = events;
	}

	/**
	 * The ask behind a token, with the answer so far.
	 * @param token from the link
	 * @param now the current instant
	 * @return the ask with its callout; empty when no ask has the token or its callout
	 * has ended
	 */
	Mono<Asked> asked(String token, Instant now) {
		return this.tokens.find(token)
			.flatMap((holder) -> asked(holder.calloutId(), holder.helperId(), now))
			.flatMap((asked) -> this.answers.answerOf(asked.callout().id(), asked.helperId())
				.map(asked::answered)
				.defaultIfEmpty(asked));
	}

	/**
	 * Answers the ask behind a token.
	 * @param token from the link
	 * @param answer what the helper says
	 * @param now the current instant
	 * @return the outcome, with the callout as it stands; {@code INVALID} when no ask has
	 * the token or its callout has ended
	 */
	Mono<Result> answer(String token, Answer answer, Instant now) {
		return this.tokens.find(token)
			.flatMap((holder) -> answer(holder.calloutId(), holder.helperId(), answer, now))
			.defaultIfEmpty(Result.INVALID);
	}

	/**
	 * Answers a helper's ask for a callout, for answers that come without a token.
	 * @param calloutId the callout the helper was asked for
	 * @param helperId the helper
	 * @param answer what the helper says
	 * @param now the current instant
	 * @return the outcome; {@code INVALID} when the callout is unknown or has ended
	 */
	Mono<Result> answer(UUID calloutId, UUID helperId, Answer answer, Instant now) {
		return asked(calloutId, helperId, now).flatMap((asked) -> answer(asked, answer, now))
			.defaultIfEmpty(Result.INVALID);
	}

	private Mono<Asked> asked(UUID calloutId, UUID helperId, Instant now) {
		return this.callouts.find(calloutId)
			.filter((callout) -> callout.endsAt().isAfter(now))
			.map((callout) -> new Asked(callout, helperId, null));
	}

	private Mono<Result> answer(Asked asked, Answer answer, Instant now) {
		Mono<Outcome> outcome = this.answers.answerOf(asked.callout().id(), asked.helperId())
			.flatMap((stored) -> later(asked, stored, answer, now))
			.switchIfEmpty(Mono.defer(() -> first(asked, answer, now)));
		return outcome.flatMap((result) -> withCallout(asked, result));
	}

	private Mono<Outcome> first(Asked asked, Answer answer, Instant now) {
		return switch (answer) {
			case ACCEPT -> this.acceptances.accept(asked.callout(), asked.helperId(), now);
			case DECLINE, WITHDRAW -> decline(asked, now);
		};
	}

	private Mono<Outcome> later(Asked asked, Outcome stored, Answer answer, Instant now) {
		if (stored == Outcome.CONFIRMED && answer == Answer.WITHDRAW) {
			return this.withdrawals.withdraw(asked.callout(), asked.helperId(), now);
		}
		return Mono.just(repeated(stored, answer));
	}

	private Mono<Outcome> decline(Asked asked, Instant now) {
		UUID calloutId = asked.callout().id();
		return this.answers.answer(calloutId, asked.helperId(), Outcome.DECLINED)
			.as(this.transaction::transactional)
			.flatMap((first) -> first ? declined(asked, now)
					: this.answers.answerOf(calloutId, asked.helperId())
						.map((stored) -> repeated(stored, Answer.DECLINE)))
			.onErrorMap(GateUnavailableException::new);
	}

	private Mono<Outcome> declined(Asked asked, Instant now) {
		CalloutSummary callout = asked.callout();
		this.events.publishEvent(new HelperDeclined(callout.id(), callout.organisationId(), asked.helperId(), now));
		return Mono.just(Outcome.DECLINED);
	}

	/**
	 * What a request answers when an answer is stored already: the stored one, except
	 * that a no does not undo a yes.
	 * @param stored the stored answer
	 * @param answer the request
	 * @return the outcome
	 */
	static Outcome repeated(Outcome stored, Answer answer) {
		if (stored == Outcome.CONFIRMED && answer == Answer.DECLINE) {
			return Outcome.ALREADY_CONFIRMED;
		}
		return stored;
	}

	private Mono<Result> withCallout(Asked asked, Outcome outcome) {
		if (outcome == Outcome.WITHDRAWN || outcome == Outcome.CONFIRMED || outcome == Outcome.FULL) {
			// The counts changed; show them as they are now.
			return this.callouts.find(asked.callout().id())
				.defaultIfEmpty(asked.callout())
				.map((callout) -> new Result(outcome, callout));
		}
		return Mono.just(new Result(outcome, asked.callout()));
	}

	/**
	 * An ask as its helper sees it.
	 *
	 * @param callout the callout it asks for
	 * @param helperId the helper
	 * @param answer the helper's stored answer, or {@code null}
	 */
	record Asked(CalloutSummary callout, UUID helperId, Outcome answer) {

		Asked answered(Outcome answer) {
			return new Asked(this.callout, this.helperId, answer);
		}

	}

	/**
	 * What an answer came to.
	 *
	 * @param outcome the outcome
	 * @param callout the callout as it stands; {@code null} when {@code INVALID}
	 */
	record Result(Outcome outcome, CalloutSummary callout) {

		static final Result INVALID = new Result(Outcome.INVALID, null);

	}

}
