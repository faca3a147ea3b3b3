package org.zeitspende.ask;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Claims an outbox's due rows batch after batch within one poll, for the ask and the
 * notice relay. While a full batch is used the next one is claimed, so that the claim's
 * round trip to PostgreSQL overlaps the sending; its rows follow once the last row of the
 * one before is requested, that is once it is under way: rows still in flight (one
 * waiting for its retry after a provider's 429, say) do not leave the provider's pace
 * idle. A relay that stops leaves at most a batch and its concurrency claimed, as rows
 * waiting behind rows in flight claim no further batch. A batch that comes back short
 * ends the poll; as the claims take only rows due at the poll's instant, rows put back
 * for later wait for a later poll.
 */
final class DueBatches {

	private DueBatches() {
	}

	/**
	 * The claimed rows, batch after batch, as the caller uses them.
	 * @param <T> a claimed row
	 * @param <R> what the caller makes of it
	 * @param claimNext claims the next batch of at most {@code size} due rows
	 * @param size rows per batch
	 * @param use what a batch becomes; not called for an empty one
	 * @param claimed counts the rows claimed
	 * @return the rows of every batch, in order
	 */
	static <T, R> Flux<R> claim(Supplier<Flux<T>> claimNext, int size, Function<List<T>, Flux<R>> use,
			AtomicLong claimed) {
		return used(claimNext.get().collectList(), claimNext, size, use, claimed);
	}

	// The next batch is claimed once the rows of this one are asked for, not merely
	// subscribed to: rows waiting behind rows in flight do not claim more. A failed claim
	// fails the poll only when its rows are due, as it did before it was claimed ahead:
	// the batch before is not cut short.
	private static <T, R> Flux<R> used(Mono<List<T>> claiming, Supplier<Flux<T>> claimNext, int size,
			Function<List<T>, Flux<R>> use, AtomicLong claimed) {
		return claiming.flatMapMany((batch) -> {
			claimed.addAndGet(batch.size());
			if (batch.isEmpty()) {
				return Flux.empty();
			}
			if (batch.size() < size) {
				return use.apply(batch);
			}
			Mono<List<T>> next = claimNext.get().collectList().cache();
			Sinks.Empty<Void> asked = Sinks.empty();
			Mono<R> claimAhead = asked.asMono().then(next.onErrorResume((ex) -> Mono.empty())).then(Mono.empty());
			return use.apply(batch)
				.mergeWith(claimAhead)
				.doOnRequest((n) -> asked.tryEmitEmpty())
				.concatWith(Flux.defer(() -> used(next, claimNext, size, use, claimed)));
		});
	}

}
