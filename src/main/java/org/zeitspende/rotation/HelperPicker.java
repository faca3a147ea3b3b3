package org.zeitspende.rotation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Picks whom to ask for a callout: among its candidates, those not yet asked for it and
 * least recently asked for anything. The candidates' rotation scores are read in chunks
 * and sorted here; marking the chosen as asked is a Redis script that picks a helper only
 * if their score has not moved since it was read. So callouts planned at the same time,
 * on any replica, spread over different people, nobody is asked twice for one callout,
 * and no single Redis call grows with the pool: a wave of 100,000 is many short calls.
 */
@Service
public class HelperPicker {

	private static final Log log = LogFactory.getLog(HelperPicker.class);

	// Redis runs one command at a time: a call of a wave waits for the calls of every
	// other wave planned at the same time, and any other client's command waits for the
	// call running. Short calls keep both waits short: on a busy machine a script marking
	// 1,000 helpers took up to 450 ms.

	/** Candidates whose scores one read asks for. */
	private static final int READ_CHUNK = 2_000;

	/** Helpers one script call marks at most. */
	private static final int PICK_CHUNK = 250;

	/**
	 * Script calls of one wave under way at once: Redis runs them in the order sent, so
	 * the next call's arguments travel while one runs, and other clients wait for at most
	 * this many calls in a row.
	 */
	private static final int PIPELINED_CALLS = 4;

	/** How often helpers picked away by concurrent waves are read again. */
	private static final int ATTEMPTS = 8;

	private final ReactiveStringRedisTemplate redis;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> script;

	private final RedisScript<Long> giveBackScript;

	@SuppressWarnings("rawtypes")
	HelperPicker(RotationRedis redis, @Qualifier(RotationConfiguration.PICK_SCRIPT) RedisScript<List> script,
			@Qualifier(RotationConfiguration.GIVE_BACK_SCRIPT) RedisScript<Long> giveBackScript) {
		this.redis = redis.template();
		this.script = script;
		this.giveBackScript = giveBackScript;
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
	 * when fewer candidates are left. When a call fails, or the pick is cancelled before
	 * it returns, the helpers its other calls marked are given back.
	 */
	public Mono<Pick> pick(UUID calloutId, Collection<UUID> candidates, int count, Instant forgetAfter) {
		if (count < 0) {
			return Mono.error(new IllegalArgumentException("count must not be negative, was " + count));
		}
		if (count == 0 || candidates.isEmpty()) {
			return Mono.just(new Pick(calloutId, List.of()));
		}
		// Shuffled before the stable sort by score, so that ties between equally rested
		// helpers break at random.
		List<String> shuffled = new ArrayList<>(new LinkedHashSet<>(candidates).stream().map(UUID::toString).toList());
		Collections.shuffle(shuffled, ThreadLocalRandom.current());
		Picking picking = new Picking(calloutId, Long.toString(forgetAfter.getEpochSecond()));
		return picking.pick(shuffled, count, ATTEMPTS)
			.map((taken) -> new Pick(calloutId, taken))
			.onErrorResume((ex) -> giveBackMarked(picking.takeMarked()).then(Mono.error(ex)))
			.doOnNext((pick) -> picking.delivered = true)
			.doOnCancel(picking::cancelled)
			.checkpoint("rotation.pick");
	}

	// Without this, helpers marked before the failure would count as asked for the
	// callout and as recently asked, but no ask of theirs would be stored.
	private Mono<Void> giveBackMarked(Pick marked) {
		return giveBack(marked).onErrorResume((ex) -> {
			log.warn("Could not give back " + marked.taken().size() + " helpers picked for callout "
					+ marked.calloutId() + " before the pick failed: " + ex.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * Gives back a pick whose asks were not stored: the helpers get their rotation scores
	 * back (unless picked again since), may be asked for the callout again, and the picks
	 * are not counted.
	 * @param pick what {@link #pick} returned
	 * @return completes when given back
	 */
	public Mono<Void> giveBack(Pick pick) {
		if (pick.taken().isEmpty()) {
			return Mono.empty();
		}
		List<String> keys = keys(pick.calloutId());
		return Flux.fromIterable(pick.taken()).buffer(PICK_CHUNK).concatMap((chunk) -> {
			List<String> arguments = new ArrayList<>(chunk.size() * 3);
			for (Pick.Taken taken : chunk) {
				arguments.add(taken.id());
				arguments.add(taken.score());
				arguments.add(Double.toString(taken.before()));
			}
			return this.redis.execute(this.giveBackScript, keys, arguments);
		}).then();
	}

	// The keys both scripts take, in their order.
	private static List<String> keys(UUID calloutId) {
		return List.of(RedisKeys.ROTATION, RedisKeys.asked(calloutId), RedisKeys.ASKS);
	}

	private record Scored(String id, double score) {
	}

	private record Marked(List<Pick.Taken> picked, List<String> stale) {

		static final Marked NONE = new Marked(List.of(), List.of());

		Marked plus(Marked next) {
			return new Marked(concat(this.picked, next.picked), concat(this.stale, next.stale));
		}

	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first.size() + second.size());
		all.addAll(first);
		all.addAll(second);
		return all;
	}

	/** One pick: the callout's keys and when its asked set may go. */
	private final class Picking {

		private final UUID calloutId;

		private final List<String> keys;

		private final String forgetAt;

		/** What the calls marked, also those of a failed wave, until given back. */
		private final Queue<List<Pick.Taken>> marked = new ConcurrentLinkedQueue<>();

		private volatile boolean failed;

		private volatile boolean cancelled;

		/** The pick was returned: from then on its caller gives it back if need be. */
		private volatile boolean delivered;

		Picking(UUID calloutId, String forgetAt) {
			this.calloutId = calloutId;
			this.keys = keys(calloutId);
			this.forgetAt = forgetAt;
		}

		Mono<List<Pick.Taken>> pick(List<String> candidates, int count, int attempts) {
			return scored(candidates).flatMap((sorted) -> mark(sorted, 0, count, attempts, Marked.NONE))
				.flatMap((marked) -> {
					int missing = count - marked.picked().size();
					if (missing == 0 || marked.stale().isEmpty() || attempts == 1) {
						return Mono.just(marked.picked());
					}
					return pick(marked.stale(), missing, attempts - 1).map((more) -> concat(marked.picked(), more));
				});
		}

		/**
		 * The candidates with their rotation scores (never asked counts as 0), lowest
		 * first.
		 */
		private Mono<List<Scored>> scored(List<String> candidates) {
			int chunks = (candidates.size() + READ_CHUNK - 1) / READ_CHUNK;
			return Flux.range(0, chunks).concatMap((chunk) -> {
				List<String> ids = candidates.subList(chunk * READ_CHUNK,
						Math.min(candidates.size(), (chunk + 1) * READ_CHUNK));
				return HelperPicker.this.redis.opsForZSet()
					.score(RedisKeys.ROTATION, ids.toArray())
					.flatMapIterable((scores) -> scoredIds(ids, scores));
			}).collectSortedList(Comparator.comparingDouble(Scored::score));
		}

		private static List<Scored> scoredIds(List<String> ids, List<Double> scores) {
			List<Scored> scored = new ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				Double score = scores.get(i);
				scored.add(new Scored(ids.get(i), (score != null) ? score : 0));
			}
			return scored;
		}

		/**
		 * Marks helpers in sorted order, a chunk at a time, until enough are picked. A
		 * wave that fits in one chunk is picked in one call or, when concurrent waves
		 * took some of its helpers since the scores were read, read again; only a larger
		 * wave, or the last attempt, is picked in parts, several calls under way at once
		 * while the chunks cannot pick more than are missing.
		 */
		private Mono<Marked> mark(List<Scored> sorted, int from, int count, int attempts, Marked sofar) {
			int missing = count - sofar.picked().size();
			if (missing == 0 || from == sorted.size()) {
				return Mono.just(sofar);
			}
			// Whole chunks that together hold fewer helpers than are missing: each picks
			// all it can, whatever the others pick, so they need not wait for each other.
			int independent = Math.min((missing - 1) / PICK_CHUNK, (sorted.size() - from) / PICK_CHUNK);
			if (independent > 1) {
				int to = from + independent * PICK_CHUNK;
				return Flux.range(0, independent)
					.map((i) -> sorted.subList(from + i * PICK_CHUNK, from + (i + 1) * PICK_CHUNK))
					// After a failed call no further one starts, but the calls under way
					// end, so their marks are known.
					.flatMapSequentialDelayError(
							(chunk) -> this.failed ? Mono.<Marked>empty() : call(chunk, chunk.size(), true),
							PIPELINED_CALLS, 1)
					.reduce(sofar, Marked::plus)
					.flatMap((marked) -> mark(sorted, to, count, attempts, marked));
			}
			List<Scored> chunk = sorted.subList(from, Math.min(sorted.size(), from + PICK_CHUNK));
			boolean partial = missing > chunk.size() || attempts == 1;
			return call(chunk, missing, partial).flatMap((marked) -> {
				if (!partial && marked.picked().isEmpty() && !marked.stale().isEmpty()) {
					List<String> rest = sorted.subList(from, sorted.size()).stream().map(Scored::id).toList();
					return scored(rest).flatMap((again) -> mark(again, 0, count, attempts - 1, sofar));
				}
				return mark(sorted, from + chunk.size(), count, attempts, sofar.plus(marked));
			});
		}

		@SuppressWarnings("unchecked")
		private Mono<Marked> call(List<Scored> chunk, int count, boolean partial) {
			List<String> arguments = new ArrayList<>(chunk.size() * 2 + 3);
			arguments.add(this.forgetAt);
			arguments.add(Integer.toString(count));
			arguments.add(partial ? "1" : "0");
			for (Scored scored : chunk) {
				arguments.add(scored.id());
				arguments.add(Double.toString(scored.score()));
			}
			CompletableFuture<Marked> call = HelperPicker.this.redis
				.execute(HelperPicker.this.script, this.keys, arguments)
				.next()
				.map((answer) -> marked(chunk, (List<Object>) answer.get(0), (List<Object>) answer.get(1),
						answer.get(2).toString()))
				.doOnNext((marked) -> this.marked.add(marked.picked()))
				.doOnError((ex) -> this.failed = true)
				.toFuture();
			// A call ends even when the pick is cancelled; what it marked then goes back
			// as it ends.
			call.whenComplete((marked, ex) -> {
				if (this.cancelled && !this.delivered) {
					giveBackMarked(takeMarked()).subscribe();
				}
			});
			return Mono.fromFuture(call, true);
		}

		/**
		 * The helpers marked and not given back yet, taken out of the record, so that
		 * each is given back once.
		 */
		Pick takeMarked() {
			List<Pick.Taken> taken = new ArrayList<>();
			for (List<Pick.Taken> next = this.marked.poll(); next != null; next = this.marked.poll()) {
				taken.addAll(next);
			}
			return new Pick(this.calloutId, taken);
		}

		// What the calls that ended marked is given back now, what the calls under way
		// mark as each ends, unless the pick was returned.
		void cancelled() {
			this.failed = true;
			this.cancelled = true;
			if (!this.delivered) {
				giveBackMarked(takeMarked()).subscribe();
			}
		}

		private static Marked marked(List<Scored> chunk, List<Object> picked, List<Object> stale, String score) {
			Map<String, Double> before = new HashMap<>();
			chunk.forEach((scored) -> before.put(scored.id(), scored.score()));
			List<Pick.Taken> taken = picked.stream()
				.map(Object::toString)
				.map((id) -> new Pick.Taken(id, before.get(id), score))
				.toList();
			return new Marked(taken, stale.stream().map(Object::toString).toList());
		}

	}

}
