package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The fast gate in Redis: one script call per decision. It only turns the surplus away
 * early; PostgreSQL decides. When Redis cannot be reached, the gate says so and the
 * caller goes to PostgreSQL alone.
 */
@Component
class SlotGate {

	private static final Log log = LogFactory.getLog(SlotGate.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisScript<Long> reserve;

	private final RedisScript<Long> release;

	private final RedisScript<Long> rebuild;

	SlotGate(ReactiveStringRedisTemplate redis,
			@Qualifier(ConfirmationConfiguration.RESERVE_SCRIPT) RedisScript<Long> reserve,
			@Qualifier(ConfirmationConfiguration.RELEASE_SCRIPT) RedisScript<Long> release,
			@Qualifier(ConfirmationConfiguration.REBUILD_SCRIPT) RedisScript<Long> rebuild) {
		this.redis = redis;
		this.reserve = reserve;
		this.release = release;
		this.rebuild = rebuild;
	}

	/**
	 * Reserves a slot for a helper; reserving again for the same helper reserves nothing.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @return what Redis says; {@code UNAVAILABLE} when it cannot be reached
	 */
	Mono<Reservation> reserve(UUID calloutId, UUID helperId) {
		return this.redis.execute(this.reserve, SlotKeys.of(calloutId), List.of(helperId.toString()))
			.next()
			.map(SlotGate::reservation)
			.onErrorResume((ex) -> {
				log.warn("Slot gate in Redis unavailable, PostgreSQL decides alone: " + ex.getMessage());
				return Mono.just(Reservation.UNAVAILABLE);
			});
	}

	/**
	 * Gives a helper's reserved slot back, once.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @return completes when done; a failure only leaves drift for the reconciliation
	 */
	Mono<Void> release(UUID calloutId, UUID helperId) {
		return this.redis.execute(this.release, SlotKeys.of(calloutId), List.of(helperId.toString()))
			.then()
			.onErrorResume((ex) -> {
				log.warn("Could not give a slot back in Redis; the reconciliation will: " + ex.getMessage());
				return Mono.empty();
			});
	}

	/**
	 * Sets a callout's counter and confirmed set from PostgreSQL's numbers.
	 * @param calloutId the callout
	 * @param open open slots
	 * @param confirmed helpers holding a slot
	 * @param expiry when Redis may forget both
	 * @param overwrite {@code false} to set only a missing counter
	 * @return the counter before: -1 when it was missing, -2 when it was left alone
	 */
	Mono<Long> rebuild(UUID calloutId, int open, Collection<UUID> confirmed, Instant expiry, boolean overwrite) {
		List<String> arguments = new ArrayList<>(confirmed.size() + 3);
		arguments.add(overwrite ? "1" : "0");
		arguments.add(Integer.toString(open));
		arguments.add(Long.toString(expiry.getEpochSecond()));
		confirmed.forEach((helperId) -> arguments.add(helperId.toString()));
		return this.redis.execute(this.rebuild, SlotKeys.of(calloutId), arguments).next();
	}

	private static Reservation reservation(Long code) {
		if (code >= 0) {
			return Reservation.RESERVED;
		}
		return switch (code.intValue()) {
			case -1 -> Reservation.FULL;
			case -2 -> Reservation.ALREADY;
			default -> Reservation.UNKNOWN;
		};
	}

	/**
	 * What the gate in Redis says.
	 */
	enum Reservation {

		/** A slot is reserved for the helper. */
		RESERVED,

		/** The helper holds a slot already: a repeat, or one in flight. */
		ALREADY,

		/** No slot left. */
		FULL,

		/** Redis has no counter for the callout. */
		UNKNOWN,

		/** Redis could not be reached. */
		UNAVAILABLE

	}

}
