package org.zeitspende.rotation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.connection.ReactiveRedisConnection.NumericResponse;
import org.springframework.data.redis.connection.ReactiveZSetCommands.ZAddCommand;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.stereotype.Service;

/**
 * The fair order in which helpers are asked: least recently asked first. PostgreSQL holds
 * who exists; Redis holds the order, and is refilled from PostgreSQL when it is empty.
 */
@Service
public class RotationIndex {

	private static final int BATCH = 500;

	private final ReactiveStringRedisTemplate redis;

	RotationIndex(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Adds the given helpers as never asked, keeping the position of those already there.
	 * @param helperIds helpers who can be asked
	 * @return how many helpers were new to the rotation
	 */
	public Mono<Long> addIfAbsent(Flux<UUID> helperIds) {
		return helperIds.map(RotationIndex::neverAsked)
			.buffer(BATCH)
			.concatMap(this::addBatchIfAbsent)
			.reduce(0L, Long::sum);
	}

	/**
	 * Takes a helper out of the rotation, so that nobody asks them any more, and forgets
	 * how often they were asked.
	 * @param helperId the helper
	 * @return whether the helper was in the rotation
	 */
	public Mono<Boolean> remove(UUID helperId) {
		String member = helperId.toString();
		return this.redis.opsForZSet()
			.remove(RedisKeys.ROTATION, member)
			.zipWith(this.redis.opsForZSet().remove(RedisKeys.ASKS, member), (removed, counted) -> removed > 0);
	}

	/**
	 * How many helpers the rotation holds.
	 * @return the size of the rotation
	 */
	public Mono<Long> size() {
		return this.redis.opsForZSet().size(RedisKeys.ROTATION);
	}

	// ZADD NX: one command per batch, and a helper already in the rotation keeps its
	// score.
	private Mono<Long> addBatchIfAbsent(List<Tuple> batch) {
		ZAddCommand command = ZAddCommand.tuples(batch).nx().to(utf8(RedisKeys.ROTATION));
		return this.redis.execute((connection) -> connection.zSetCommands().zAdd(Mono.just(command)))
			.map(NumericResponse::getOutput)
			.map(Number::longValue)
			.reduce(0L, Long::sum);
	}

	private static Tuple neverAsked(UUID helperId) {
		return Tuple.of(helperId.toString().getBytes(StandardCharsets.UTF_8), 0.0);
	}

	private static ByteBuffer utf8(String key) {
		return ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
	}

}
