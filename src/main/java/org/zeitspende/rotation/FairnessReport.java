package org.zeitspende.rotation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Service;

/**
 * Counts how often each helper was picked, from the counts the picking script keeps.
 */
@Service
class FairnessReport {

	private final ReactiveStringRedisTemplate redis;

	FairnessReport(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * The distribution over every helper in the rotation (never picked counts as 0) and
	 * every helper ever picked.
	 * @return the distribution
	 */
	Mono<Fairness> overall() {
		Mono<Map<String, Long>> inRotation = this.redis.opsForZSet()
			.range(RedisKeys.ROTATION, Range.unbounded())
			.collectMap((helper) -> helper, (helper) -> 0L);
		return inRotation.flatMap(this::withPicks).map(Fairness::of);
	}

	/**
	 * The distribution over the given helpers only.
	 * @param helperIds the helpers to count
	 * @return the distribution
	 */
	Mono<Fairness> of(Iterable<UUID> helperIds) {
		return Flux.fromIterable(helperIds)
			.map(UUID::toString)
			.concatMap((helper) -> this.redis.opsForZSet()
				.score(RedisKeys.ASKS, helper)
				.map(Double::longValue)
				.defaultIfEmpty(0L)
				.map((picks) -> Map.entry(helper, picks)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(Fairness::of);
	}

	private Mono<Map<String, Long>> withPicks(Map<String, Long> neverPicked) {
		return this.redis.opsForZSet()
			.rangeWithScores(RedisKeys.ASKS, Range.unbounded())
			.reduceWith(() -> new HashMap<>(neverPicked), FairnessReport::count);
	}

	private static Map<String, Long> count(Map<String, Long> counts, TypedTuple<String> picks) {
		counts.put(picks.getValue(), picks.getScore().longValue());
		return counts;
	}

}
