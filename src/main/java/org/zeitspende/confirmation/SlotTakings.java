package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;
import org.zeitspende.confirmation.ConfirmationRepository.SlotTaking;
import org.zeitspende.confirmation.ConfirmationRepository.Yes;

/**
 * Group commit for yeses: while {@code batches-at-once} statements are running, new yeses
 * wait, and the next statement takes the slots of all waiting (up to {@code batch-size})
 * in one transaction. A lone yes goes at once, so waiting only happens when PostgreSQL is
 * busy anyway, and nobody is answered before the commit that stored their yes. Should the
 * statement fail, every yes in it fails; none of them is stored.
 */
@Component
class SlotTakings {

	private static final Log log = LogFactory.getLog(SlotTakings.class);

	private final ConfirmationRepository answers;

	private final int batchSize;

	private final int batchesAtOnce;

	private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger running = new AtomicInteger();

	private final DistributionSummary sizes;

	SlotTakings(ConfirmationRepository answers, ConfirmationProperties properties, MeterRegistry meters) {
		this.answers = answers;
		this.batchSize = properties.batchSize();
		this.batchesAtOnce = properties.batchesAtOnce();
		this.sizes = DistributionSummary.builder("zeitspende.confirmation.batch")
			.description("Yeses stored by one statement")
			.baseUnit("yeses")
			.register(meters);
	}

	/**
	 * Stores a first yes and takes a slot for it, together with the yeses waiting with
	 * it.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @param now when the helper answered
	 * @return what came of it, once committed
	 */
	Mono<SlotTaking> take(UUID calloutId, UUID helperId, Instant now) {
		return Mono.defer(() -> {
			Waiting yes = new Waiting(new Yes(calloutId, helperId, now), Sinks.one());
			this.waiting.add(yes);
			drain();
			return yes.result().asMono();
		});
	}

	// Called after every change of the queue or of the running count, so a yes added
	// while
	// all statements run goes with the next one that ends.
	private void drain() {
		while (!this.waiting.isEmpty()) {
			int now = this.running.get();
			if (now >= this.batchesAtOnce) {
				return;
			}
			if (!this.running.compareAndSet(now, now + 1)) {
				continue;
			}
			List<Waiting> batch = next();
			if (batch.isEmpty()) {
				this.running.decrementAndGet();
				continue;
			}
			run(batch);
		}
	}

	private List<Waiting> next() {
		List<Waiting> batch = new ArrayList<>(Math.min(this.batchSize, 16));
		Waiting yes;
		while (batch.size() < this.batchSize && (yes = this.waiting.poll()) != null) {
			batch.add(yes);
		}
		return batch;
	}

	private void run(List<Waiting> batch) {
		// The same yes twice (a repeated click) goes into the statement once, and both
		// get its outcome: take_slots must not see a helper twice for one callout.
		Map<Key, List<Waiting>> distinct = new LinkedHashMap<>();
		for (Waiting yes : batch) {
			distinct.computeIfAbsent(new Key(yes.yes().calloutId(), yes.yes().helperId()), (key) -> new ArrayList<>())
				.add(yes);
		}
		List<Yes> yeses = distinct.values().stream().map((same) -> same.get(0).yes()).toList();
		this.sizes.record(yeses.size());
		this.answers.takeAll(yeses).doFinally((signal) -> {
			this.running.decrementAndGet();
			drain();
		}).subscribe((takings) -> {
			int i = 0;
			for (List<Waiting> same : distinct.values()) {
				SlotTaking taking = takings.get(i++);
				// No row: the answer met went away before it could be read (an erasure).
				same.forEach((yes) -> {
					if (taking != null) {
						yes.result().tryEmitValue(taking);
					}
					else {
						yes.result().tryEmitEmpty();
					}
				});
			}
		}, (ex) -> {
			log.debug("A statement of " + yeses.size() + " yeses failed", ex);
			batch.forEach((yes) -> yes.result().tryEmitError(ex));
		});
	}

	private record Waiting(Yes yes, Sinks.One<SlotTaking> result) {

	}

	private record Key(UUID calloutId, UUID helperId) {

	}

}
