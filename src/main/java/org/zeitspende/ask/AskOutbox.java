package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Where asks are planned. The rows are written through the caller's reactive transaction
 * when there is one, so a wave and its asks commit together; the relay sends them later.
 */
@Service
public class AskOutbox {

	// A helper's ask budget counts the asks of the last seven days.
	private static final Duration BUDGET_PERIOD = Duration.ofDays(7);

	private final AskRepository asks;

	AskOutbox(AskRepository asks) {
		this.asks = asks;
	}

	/**
	 * Queues asks for a callout. A helper already asked for this callout is not asked
	 * again, whatever the channel.
	 * @param calloutId the callout
	 * @param asks whom to ask and how
	 * @return completes when the rows are written
	 */
	public Mono<Void> enqueue(UUID calloutId, List<PlannedAsk> asks) {
		if (asks.isEmpty()) {
			return Mono.empty();
		}
		return this.asks.insert(calloutId, asks).then();
	}

	/**
	 * The helpers whose own ask budget is used up: they got as many asks in the last
	 * seven days as they allow a week, or more. Asks that were never sent (skipped or
	 * failed) do not count. Waves ask none of them, and the weekly digest of requirement
	 * profiles skips them.
	 * @param budgets each helper's ask budget, in asks a week
	 * @param now the current instant
	 * @return the helpers who may not be asked now
	 */
	public Mono<Set<UUID>> budgetUsedUp(Map<UUID, Integer> budgets, Instant now) {
		if (budgets.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.asks.countSince(budgets.keySet().toArray(UUID[]::new), now.minus(BUDGET_PERIOD))
			.collectMap(HelperAsks::helperId, HelperAsks::asks)
			.map((asked) -> budgets.entrySet()
				.stream()
				.filter((budget) -> asked.getOrDefault(budget.getKey(), 0) >= budget.getValue())
				.map(Map.Entry::getKey)
				.collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * How many asks of a callout wait to be sent or are being sent, including those held
	 * until a helper's quiet hours end.
	 * @param calloutId the callout
	 * @return the number of unsent asks
	 */
	public Mono<Long> unsent(UUID calloutId) {
		return this.asks.countUnsent(calloutId);
	}

}
