package org.zeitspende.rotation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Picks whom to ask for a callout: among its candidates, those not yet asked for it and
 * least recently asked for anything. Choosing and marking the chosen as asked is one
 * Redis script call, so callouts planned at the same time, on any replica, spread over
 * different people and nobody is asked twice for one callout.
 */
@Service
public class HelperPicker {

	private final ReactiveStringRedisTemplate redis;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> script;

	@SuppressWarnings("rawtypes")
	HelperPicker(ReactiveStringRedisTemplate redis,
			@Qualifier(RotationConfiguration.PICK_SCRIPT) RedisScript<List> script) {
		this.redis = redis;
		this.script = script;
	}

	/**
	 * Picks up to {@code count} of the candidates, least recently asked first (ties in
	 * random order), and records them as asked now and as asked for the callout.
	 * @param calloutId the callout the helpers are asked for
	 * @param candidates helpers who may be asked for it
	 * @param count how many to pick at most
	 * @param forgetAfter when the record of whom the callout asked may go, e.g. a day
	 * after the callout ends
	 * @return the picked helpers, least recently asked first; fewer than {@code count}
	 * when fewer candidates are left
	 */
	public Mono<List<UUID>> pick(UUID calloutId, Collection<UUID> candidates, int count, Instant forgetAfter) {
		if (count < 0) {
			return Mono.error(new IllegalArgumentException("count must not be negative, was " + count));
		}
		if (count == 0 || candidates.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> keys = List.of(RedisKeys.ROTATION, RedisKeys.asked(calloutId), RedisKeys.ASKS);
		return this.redis.execute(this.script, keys, arguments(candidates, count, forgetAfter))
			.next()
			.map(HelperPicker::helperIds)
			.defaultIfEmpty(List.of())
			.checkpoint("rotation.pick");
	}

	private static List<String> arguments(Collection<UUID> candidates, int count, Instant forgetAfter) {
		// Shuffled here, so that the script's ordering breaks ties between equally
		// rested helpers at random.
		List<String> shuffled = new ArrayList<>(new LinkedHashSet<>(candidates).stream().map(UUID::toString).toList());
		Collections.shuffle(shuffled, ThreadLocalRandom.current());
		List<String> arguments = new ArrayList<>(shuffled.size() + 2);
		arguments.add(Integer.toString(count));
		arguments.add(Long.toString(forgetAfter.getEpochSecond()));
		arguments.addAll(shuffled);
		return arguments;
	}

	@SuppressWarnings("rawtypes")
	private static List<UUID> helperIds(List answer) {
		List<UUID> picked = new ArrayList<>(answer.size());
		for (Object id : answer) {
			picked.add(UUID.fromString(id.toString()));
		}
		return List.copyOf(picked);
	}

}
