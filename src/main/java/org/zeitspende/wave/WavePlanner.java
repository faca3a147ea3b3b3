package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.ask.AskOutbox;
import org.zeitspende.ask.PlannedAsk;
import org.zeitspende.callout.CalloutNeed;
import org.zeitspende.callout.CalloutNeeds;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.helper.CalloutCandidates;
import org.zeitspende.helper.Candidate;
import org.zeitspende.helper.CandidateCriteria;
import org.zeitspende.rotation.HelperPicker;
import org.zeitspende.rotation.Pick;

/**
 * Plans the wave of a callout that is due: picks helpers fairly and queues their asks.
 * <p>
 * Planning the same wave twice, at once or later, asks nobody twice: planners of one
 * callout wait for each other, a wave is only planned when it is due, and the wave row
 * and its asks commit in one transaction. A callout with nobody left to ask, and no ask
 * still on its way, becomes {@code EXHAUSTED}.
 */
@Service
public class WavePlanner {

	// Whom a callout asked is remembered a day past its end.
	private static final Duration REMEMBER_ASKED = Duration.ofDays(1);

	private final CalloutNeeds callouts;

	private final CalloutCandidates candidates;

	private final HelperPicker picker;

	private final AskOutbox outbox;

	private final WaveRepository waves;

	private final AcceptanceRates rates;

	private final WaveProperties properties;

	private final TransactionalOperator transaction;

	WavePlanner(CalloutNeeds callouts, CalloutCandidates candidates, HelperPicker picker, AskOutbox outbox,
			WaveRepository waves, AcceptanceRates rates, WaveProperties properties, TransactionalOperator transaction) {
		this.callouts = callouts;
		this.candidates = candidates;
		this.picker = picker;
		this.outbox = outbox;
		this.waves = waves;
		this.rates = rates;
		this.properties = properties;
		this.transaction = transaction;
	}

	/**
	 * Plans the callout's first wave, or its next one if that is due.
	 * @param calloutId the callout
	 * @param now the current instant
	 * @return how many helpers the wave asks; 0 when no wave was due, the callout no
	 * longer takes helpers, or nobody is left to ask
	 */
	public Mono<Integer> planWave(UUID calloutId, Instant now) {
		return Mono.defer(() -> {
			AtomicReference<Pick> pick = new AtomicReference<>();
			return this.transaction
				.transactional(this.waves.lock(calloutId)
					.then(this.waves.latest(calloutId).map(Optional::of).defaultIfEmpty(Optional.empty()))
					.flatMap((latest) -> planIfDue(calloutId, latest, now, pick)))
				// Cancelled on time, the transaction rolls back and lets go of the lock.
				.timeout(this.properties.planningTimeout())
				// Picked helpers whose asks were not stored keep their place in the
				// rotation.
				.onErrorResume((ex) -> giveBack(pick).then(Mono.error(ex)))
				.flatMap((outcome) -> (outcome.asked() == 0) ? giveBack(pick).thenReturn(outcome) : Mono.just(outcome))
				.flatMap((outcome) -> afterCommit(calloutId, outcome, now));
		}).checkpoint("wave.plan");
	}

	private Mono<Void> giveBack(AtomicReference<Pick> pick) {
		return (pick.get() != null) ? this.picker.giveBack(pick.get()) : Mono.empty();
	}

	private Mono<Outcome> planIfDue(UUID calloutId, Optional<Wave> latest, Instant now, AtomicReference<Pick> pick) {
		if (latest.isPresent() && !latest.get().nextDueAt(now)) {
			return Mono.just(Outcome.NOTHING);
		}
		return this.callouts.find(calloutId, now)
			.flatMap((need) -> plan(need, latest, now, pick))
			.switchIfEmpty(Mono.defer(() -> this.waves.stop(calloutId).thenReturn(Outcome.NOTHING)));
	}

	private Mono<Outcome> plan(CalloutNeed need, Optional<Wave> latest, Instant now, AtomicReference<Pick> pick) {
		// One after the other: the queries share the transaction's connection.
		return this.rates.expected(need.activity())
			.flatMap((rate) -> askable(need, now).flatMap((askable) -> pick(need, rate, askable.asks(), pick)
				.flatMap((picked) -> picked.isEmpty() ? nobodyPicked(need, latest, askable.quietUntilLater(), now)
						: store(need, latest, picked, now))));
	}

	/**
	 * The candidates who may be asked now, each with the ask they would get: within their
	 * ask budget, and not by SMS in their quiet hours. An email in quiet hours waits for
	 * their end, if so configured, unless that is too late for the callout.
	 */
	private Mono<Askable> askable(CalloutNeed need, Instant now) {
		return this.candidates
			.find(new CandidateCriteria(need.place(), need.activity(), need.languages(), need.skills(), now))
			.collectList()
			.flatMap((found) -> this.outbox
				.budgetUsedUp(found.stream().collect(Collectors.toMap(Candidate::helperId, Candidate::maxAsksPerWeek)),
						now)
				.map((usedUp) -> askable(found, usedUp, need, now)));
	}

	private Askable askable(List<Candidate> found, Set<UUID> budgetUsedUp, CalloutNeed need, Instant now) {
		Map<UUID, PlannedAsk> asks = new LinkedHashMap<>();
		boolean quietUntilLater = false;
		for (Candidate candidate : found) {
			if (budgetUsedUp.contains(candidate.helperId())) {
				continue;
			}
			Instant notBefore = notBefore(candidate, now);
			if (notBefore != null && notBefore.isBefore(need.startsAt())) {
				asks.put(candidate.helperId(), new PlannedAsk(candidate.helperId(), candidate.channel(),
						notBefore.equals(now) ? null : notBefore));
			}
			else if (notBefore == null) {
				quietUntilLater |= candidate.quietHours().orElseThrow().endAfter(now).isBefore(need.startsAt());
			}
		}
		return new Askable(asks, quietUntilLater);
	}

	// When the candidate may be asked at the earliest; null when not in this wave.
	private Instant notBefore(Candidate candidate, Instant now) {
		if (!candidate.quietAt(now)) {
			return now;
		}
		if (candidate.channel() == Channel.SMS) {
			return null;
		}
		return this.properties.holdEmailInQuietHours() ? candidate.quietHours().orElseThrow().endAfter(now) : now;
	}

	private Mono<List<PlannedAsk>> pick(CalloutNeed need, double rate, Map<UUID, PlannedAsk> askable,
			AtomicReference<Pick> pick) {
		int size = this.properties.waveSize(need.openSlots(), rate);
		return this.picker.pick(need.id(), askable.keySet(), size, need.endsAt().plus(REMEMBER_ASKED))
			.doOnNext(pick::set)
			.map((picked) -> picked.helpers().stream().map(askable::get).toList());
	}

	private Mono<Outcome> store(CalloutNeed need, Optional<Wave> latest, List<PlannedAsk> asks, Instant now) {
		int number = latest.map((wave) -> wave.number() + 1).orElse(1);
		Instant next = now.plus(this.properties.interval(now, need.startsAt()));
		return this.waves.insert(need.id(), number, asks.size(), now, next)
			.filter((inserted) -> inserted > 0)
			.flatMap((inserted) -> this.outbox.enqueue(need.id(), asks).thenReturn(new Outcome(asks.size(), false)))
			.defaultIfEmpty(Outcome.NOTHING);
	}

	// Asks still on their way may yet be answered, and helpers in quiet hours may be
	// asked once these end: wait another interval for them.
	private Mono<Outcome> nobodyPicked(CalloutNeed need, Optional<Wave> latest, boolean quietUntilLater, Instant now) {
		if (latest.isEmpty()) {
			// An empty first wave, so that the next one becomes due.
			return quietUntilLater ? store(need, latest, List.of(), now) : Mono.just(Outcome.EXHAUSTED);
		}
		Duration interval = this.properties.interval(now, need.startsAt());
		boolean answersMayCome = now.isBefore(latest.get().plannedAt().plus(interval));
		return this.outbox.unsent(need.id()).flatMap((unsent) -> {
			if (unsent == 0 && !answersMayCome && !quietUntilLater) {
				return Mono.just(Outcome.EXHAUSTED);
			}
			return this.waves.nextWaveAt(need.id(), now.plus(interval)).thenReturn(Outcome.NOTHING);
		});
	}

	// The callout module publishes the exhaustion after its own commit, so it runs after
	// the planning transaction.
	private Mono<Integer> afterCommit(UUID calloutId, Outcome outcome, Instant now) {
		if (!outcome.exhausted()) {
			return Mono.just(outcome.asked());
		}
		return this.callouts.exhaust(calloutId, now).then(this.waves.stop(calloutId)).thenReturn(0);
	}

	/**
	 * Whom a wave may ask now.
	 *
	 * @param asks the helpers who may be asked, each with the ask they would get
	 * @param quietUntilLater whether others may be asked by SMS once their quiet hours
	 * end, before the callout starts
	 */
	private record Askable(Map<UUID, PlannedAsk> asks, boolean quietUntilLater) {

	}

	/**
	 * What planning came to.
	 *
	 * @param asked how many helpers the new wave asks
	 * @param exhausted whether nobody is left to ask and nothing is on its way
	 */
	private record Outcome(int asked, boolean exhausted) {

		static final Outcome NOTHING = new Outcome(0, false);

		static final Outcome EXHAUSTED = new Outcome(0, true);

	}

}
