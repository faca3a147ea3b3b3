package org.zeitspende.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.zeitspende.config.FailureStreak;

/**
 * The fast gate in Redis: one script call per decision. It only turns the surplus away
 * early; PostgreSQL decides. When Redis cannot be reached, the gate says so and the
 * caller goes to PostgreSQL alone; failures are logged as streaks, as every yes of a
 * surge meets them.
 */
@Component
class SlotGate {

	private static final Log log = LogFactory.getLog(SlotGate.class);

	private final FailureStreak reserving = new FailureStreak(log, "Reserving slots in Redis", "reservation",
			Clock.systemUTC());

	private final FailureStreak givingBack = new FailureStreak(log, "Giving slots back in Redis", "slot",
			Clock.systemUTC());

	private final ReactiveStringRedisTemplate redis;

	private final RedisScript<Long> reserve;

	private final RedisScript<Long> release;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> rebuild;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> state;

	@SuppressWarnings("rawtypes")
	SlotGate(ReactiveStringRedisTemplate redis,
			@Qualifier(ConfirmationConfiguration.RESERVE_SCRIPT) RedisScript<Long> reserve,
			@Qualifier(ConfirmationConfiguration.RELEASE_SCRIPT) RedisScript<Long> release,
			@Qualifier(ConfirmationConfiguration.REBUILD_SCRIPT) RedisScript<List> rebuild,
			@Qualifier(ConfirmationConfiguration.STATE_SCRIPT) RedisScript<List> state) {
		this.redis = redis;
		this.reserve = reserve;
		this.release = release;
		this.rebuild = rebuild;
		this.state = state;
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
			.doOnNext((reservation) -> this.reserving.succeeded())
			.onErrorResume((ex) -> {
				this.reserving.failed(ex,
						(before) -> log.warn("Slot gate in Redis unavailable, PostgreSQL decides alone: "
								+ FailureStreak.reason(ex) + before));
				return Mono.just(Reservation.UNAVAILABLE);
			});
	}

	/**
	 * Gives a helper's reserved slot back, once.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @return whether a slot was given back; a failure only leaves drift for the
	 * reconciliation
	 */
	Mono<Boolean> release(UUID calloutId, UUID helperId) {
		return this.redis.execute(this.release, SlotKeys.of(calloutId), List.of(helperId.toString()))
			.next()
			.map((released) -> released == 1)
			.doOnNext((released) -> this.givingBack.succeeded())
			.onErrorResume((ex) -> {
				this.givingBack.failed(ex,
						(before) -> log.warn("Could not give a slot back in Redis; the reconciliation will: "
								+ FailureStreak.reason(ex) + before));
				return Mono.just(false);
			});
	}

	/**
	 * A callout's counter and the digest of its holders, read at one moment.
	 * @param calloutId the callout
	 * @return both
	 */
	Mono<State> state(UUID calloutId) {
		return this.redis.execute(this.state, SlotKeys.of(calloutId), List.of())
			.next()
			.map((values) -> new State(number(values, 0),
					new HelperDigest(number(values, 1), (int) number(values, 3), (int) number(values, 4)),
					number(values, 2) != -1));
	}

	/**
	 * The helpers holding a slot of a callout: confirmed, or reserved and on their way to
	 * PostgreSQL.
	 * @param calloutId the callout
	 * @return the holders
	 */
	Mono<Set<UUID>> holders(UUID calloutId) {
		return this.redis.opsForSet()
			.members(SlotKeys.of(calloutId).get(1))
			.map(UUID::fromString)
			.collect(Collectors.toSet());
	}

	/**
	 * Brings a callout's counter and holders in line with PostgreSQL: adds the confirmed
	 * helpers, removes the stale holders, and counts the open slots from the holders, so
	 * a yes on its way to PostgreSQL keeps its slot.
	 * @param calloutId the callout
	 * @param slots the slots the callout takes, 0 once it takes no more helpers
	 * @param confirmed the helpers PostgreSQL has confirmed
	 * @param stale holders without a row that are no longer on their way
	 * @param expiry when Redis may forget both keys
	 * @return what changed
	 */
	Mono<Rebuilt> rebuild(UUID calloutId, int slots, Collection<UUID> confirmed, Collection<UUID> stale,
			Instant expiry) {
		List<String> arguments = new ArrayList<>(confirmed.size() + stale.size() + 3);
		arguments.add(Integer.toString(slots));
		arguments.add(Long.toString(expiry.getEpochSecond()));
		arguments.add(Integer.toString(confirmed.size()));
		confirmed.forEach((helperId) -> arguments.add(helperId.toString()));
		stale.forEach((helperId) -> arguments.add(helperId.toString()));
		return this.redis.execute(this.rebuild, SlotKeys.of(calloutId), arguments).next().map(SlotGate::rebuilt);
	}

	@SuppressWarnings("rawtypes")
	private static Rebuilt rebuilt(List values) {
		Set<UUID> added = new HashSet<>();
		for (Object helperId : values.subList(3, values.size())) {
			added.add(UUID.fromString(helperId.toString()));
		}
		return new Rebuilt(number(values, 0), number(values, 1), added, number(values, 2));
	}

	@SuppressWarnings("rawtypes")
	private static long number(List values, int index) {
		return ((Number) values.get(index)).longValue();
	}

	/**
	 * A callout's counter and holders in Redis.
	 *
	 * @param open the counter, -1 when missing
	 * @param holders the digest of the helpers holding a slot
	 * @param holdersExpire whether the set of holders, if any, has its expiry (a
	 * reservation that creates it gives it none)
	 */
	record State(long open, HelperDigest holders, boolean holdersExpire) {

		/**
		 * Whether the counter is there and agrees with the holders, the holders are the
		 * helpers PostgreSQL has confirmed, and they expire as the counter does (only a
		 * rebuild creates the counter, with its expiry): nothing for a reconciliation to
		 * do.
		 * @param slots the slots the callout takes, 0 once it takes no more helpers
		 * @param confirmed the digest of the helpers PostgreSQL has confirmed
		 * @return whether in line
		 */
		boolean inLine(int slots, HelperDigest confirmed) {
			return this.open >= 0 && this.holdersExpire && this.holders.equals(confirmed)
					&& this.open == Math.max(0, slots - this.holders.helpers());
		}

	}

	/**
	 * What a rebuild changed.
	 *
	 * @param before the counter before, -1 when it was missing
	 * @param open the counter now
	 * @param added confirmed helpers that were not holders
	 * @param removed stale holders removed
	 */
	record Rebuilt(long before, long open, Set<UUID> added, long removed) {

		boolean changed() {
			return this.before != this.open || !this.added.isEmpty() || this.removed > 0;
		}

		/**
		 * The rebuild after the slots of added helpers who had withdrawn meanwhile were
		 * given back: those helpers count as not added.
		 * @param helpers the helpers whose slots were given back
		 * @return the rebuild with the counter as it is then
		 */
		Rebuilt givenBack(Set<UUID> helpers) {
			Set<UUID> kept = new HashSet<>(this.added);
			kept.removeAll(helpers);
			return new Rebuilt(this.before, this.open + helpers.size(), kept, this.removed);
		}

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
