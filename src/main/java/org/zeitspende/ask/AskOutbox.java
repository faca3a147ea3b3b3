package org.zeitspende.ask;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Where asks are planned. The rows are written through the caller's reactive transaction
 * when there is one, so a wave and its asks commit together; the relay sends them later.
 */
@Service
public class AskOutbox {

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
	 * How many asks each of the helpers got since an instant, for their ask budgets. Asks
	 * that were never sent (skipped or failed) do not count.
	 * @param helperIds the helpers
	 * @param since the start of the budget period
	 * @return asks per helper; a helper without asks is missing
	 */
	public Mono<Map<UUID, Integer>> askedSince(Collection<UUID> helperIds, Instant since) {
		if (helperIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.asks.countSince(helperIds.toArray(UUID[]::new), since)
			.collectMap(HelperAsks::helperId, HelperAsks::asks);
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
