package org.zeitspende.ask;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;

/**
 * Claims an outbox's due rows batch after batch within one poll, for the ask and the
 * notice relay. The next batch is claimed only when the last row of the one before is
 * requested, that is once it is under way: rows still in flight (one waiting for its
 * retry after a provider's 429, say) do not leave the provider's pace idle, and a relay
 * that stops leaves at most a batch and its concurrency claimed. A batch that comes back
 * short ends the poll; as the claims take only rows due at the poll's instant, rows put
 * back for later wait for a later poll.
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
		return claimNext.get().collectList().flatMapMany((batch) -> {
			claimed.addAndGet(batch.size());
			Flux<R> these = batch.isEmpty() ? Flux.empty() : use.apply(batch);
			return (batch.size() < size) ? these
					: these.concatWith(Flux.defer(() -> claim(claimNext, size, use, claimed)));
		});
	}

}
