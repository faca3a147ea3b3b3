package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.confirmation.AskStates.AskState;

/**
 * The one state machine for answers to asks, whether they come by link, JSON or SMS.
 * <p>
 * The first answer stands: a repeated request answers what the first one did. Only a
 * withdrawal changes a stored yes. Withdrawing without a yes is a no. A helper who came
 * too late gets similar open callouts with {@code FULL} and may wait on the standby list,
 * which stores no answer: the helper says yes again when a place is free.
 */
@Service
class Confirmations {

	private final AskStates states;

	private final CalloutSummaries callouts;

	private final RecentCallouts recent;

	private final Acceptances acceptances;

	private final Withdrawals withdrawals;

	private final Declines declines;

	private final StandbyList standby;

	Confirmations(AskStates states, CalloutSummaries callouts, RecentCallouts recent, Acceptances acceptances,
			Withdrawals withdrawals, Declines declines, StandbyList standby) {
		this.states = states;
		this.callouts = callouts;
		this.recent = recent;
		this.acceptances = acceptances;
		this.withdrawals = withdrawals;
		this.declines = declines;
		this.standby = standby;
	}

	/**
	 * The ask behind a token, with the answer so far.
	 * @param token from the link
	 * @param now the current instant
	 * @return the ask with its callout; empty when no ask has the token or its callout
	 * has ended
	 */
	Mono<Asked> asked(String token, Instant now) {
		return this.states.byToken(token)
			.flatMap((state) -> asked(state, now))
			.flatMap((asked) -> (asked.answer() != null) ? Mono.just(asked) : waiting(asked, now));
	}

	// Only a helper without an answer may wait, and only while the callout keeps a list.
	private Mono<Asked> waiting(Asked asked, Instant now) {
		if (!StandbyList.kept(asked.callout(), now)) {
			return Mono.just(asked);
		}
		return this.standby.waiting(asked.callout().id(), asked.helperId()).map(asked::waiting);
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
		return answer(this.states.byToken(token), answer, now);
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
		return answer(this.states.of(calloutId, helperId), answer, now);
	}

	private Mono<Result> answer(Mono<AskState> state, Answer answer, Instant now) {
		return state.flatMap((read) -> asked(read, now))
			.flatMap((asked) -> answer(asked, answer, now))
			.defaultIfEmpty(Result.INVALID)
			.as(Confirmations::orTryAgain);
	}

	// PostgreSQL failed before an answer was stored (reading the ask, the callout or the
	// answer so far): 503 with Retry-After, like a failure to store it, never a 500.
	private static Mono<Result> orTryAgain(Mono<Result> result) {
		return result.onErrorMap(DataAccessException.class, GateUnavailableException::new);
	}

	// The callout's details as read a moment ago, its status and slots as they are now.
	private Mono<Asked> asked(AskState state, Instant now) {
		return this.recent.find(state.calloutId())
			.filter((callout) -> callout.endsAt().isAfter(now))
			.map((callout) -> new Asked(callout.withSlots(state.status(), state.filled()), state.helperId(),
					state.answered(), false));
	}

	private Mono<Result> answer(Asked asked, Answer answer, Instant now) {
		if (answer == Answer.ACCEPT) {
			return this.acceptances.accept(asked, now);
		}
		Mono<Outcome> outcome = (asked.answer() != null) ? later(asked, asked.answer(), answer, now)
				: first(asked, answer, now);
		return outcome.flatMap((result) -> withCallout(asked, result));
	}

	// A first no, withdrawal (a no without a yes) or wish to wait: a yes goes to
	// Acceptances.
	private Mono<Outcome> first(Asked asked, Answer answer, Instant now) {
		return (answer == Answer.STANDBY) ? this.standby.join(asked.callout(), asked.helperId(), now)
				: this.declines.decline(asked.callout(), asked.helperId(), now);
	}

	private Mono<Outcome> later(Asked asked, Outcome stored, Answer answer, Instant now) {
		if (stored == Outcome.CONFIRMED && answer == Answer.WITHDRAW) {
			return this.withdrawals.withdraw(asked.callout(), asked.helperId(), now);
		}
		return Mono.just(repeated(stored, answer));
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
		if (outcome == Outcome.WITHDRAWN) {
			return current(asked).map((callout) -> new Result(outcome, callout, List.of()));
		}
		return Mono.just(new Result(outcome, asked.callout(), List.of()));
	}

	// The counts changed; show them as they are now. The outcome is stored: when
	// PostgreSQL cannot give them now, it is answered with the counts read before.
	private Mono<CalloutSummary> current(Asked asked) {
		return this.callouts.find(asked.callout().id())
			.defaultIfEmpty(asked.callout())
			.onErrorReturn(DataAccessException.class, asked.callout());
	}

	/**
	 * An ask as its helper sees it.
	 *
	 * @param callout the callout it asks for, its slots as read for this request
	 * @param helperId the helper
	 * @param answered the helper's answers to the callout and to open or filled ones, by
	 * callout
	 * @param standby whether the helper waits on the standby list
	 */
	record Asked(CalloutSummary callout, UUID helperId, Map<UUID, Outcome> answered, boolean standby) {

		/**
		 * The helper's stored answer to the callout.
		 * @return the answer, or {@code null}
		 */
		Outcome answer() {
			return this.answered.get(this.callout.id());
		}

		Asked waiting(boolean standby) {
			return new Asked(this.callout, this.helperId, this.answered, standby);
		}

		Asked withCallout(CalloutSummary callout) {
			return new Asked(callout, this.helperId, this.answered, this.standby);
		}

	}

	/**
	 * What an answer came to.
	 *
	 * @param outcome the outcome
	 * @param callout the callout as it stands; {@code null} when {@code INVALID}
	 * @param alternatives similar open callouts when {@code FULL}, else none
	 */
	record Result(Outcome outcome, CalloutSummary callout, List<Alternative> alternatives) {

		static final Result INVALID = new Result(Outcome.INVALID, null, List.of());

	}

}
