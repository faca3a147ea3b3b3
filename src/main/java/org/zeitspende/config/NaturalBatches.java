package org.zeitspende.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Natural batching of database calls in a surge: while a call is running, new requests
 * wait, and the next call serves all waiting (up to {@code batchSize}, each key once). A
 * lone request goes at once, and a surge of 10,000 requests costs a few hundred round
 * trips instead of 10,000. A further call (up to {@code atOnce}) starts only while about
 * a full batch waits, or when the latest call has run for {@value #PATIENCE_MILLIS} ms
 * (so one slow call holds up the others no longer): calls at once cost the database more
 * per key, so they are kept for when one at a time cannot keep up. Should a call fail,
 * every request in it fails.
 *
 * @param <K> what a request asks for
 * @param <V> what it gets
 */
public final class NaturalBatches<K, V> {

	static final long PATIENCE_MILLIS = 100;

	private final Function<List<K>, Mono<Map<K, V>>> call;

	private final int batchSize;

	private final int atOnce;

	private final Queue<Waiting<K, V>> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicLong latestStart = new AtomicLong();

	private final Scheduler clock;

	private final DistributionSummary sizes;

	/**
	 * Batches for one kind of call.
	 * @param name the metric that records how many keys each call served
	 * @param batchSize keys per call at most
	 * @param atOnce calls running at once at most, the second and further ones only for a
	 * full batch or after a slow call
	 * @param call answers distinct keys; a key missing from its map gets an empty answer
	 * @param meters where the metric goes
	 */
	public NaturalBatches(String name, int batchSize, int atOnce, Function<List<K>, Mono<Map<K, V>>> call,
			MeterRegistry meters) {
		this(name, batchSize, atOnce, call, meters, Schedulers.parallel());
	}

	NaturalBatches(String name, int batchSize, int atOnce, Function<List<K>, Mono<Map<K, V>>> call,
			MeterRegistry meters, Scheduler clock) {
		if (batchSize < 1 || atOnce < 1) {
			throw new IllegalArgumentException("batchSize and atOnce must be positive");
		}
		this.call = call;
		this.batchSize = batchSize;
		this.atOnce = atOnce;
		this.sizes = DistributionSummary.builder(name).description("Keys served by one call").register(meters);
		this.clock = clock;
	}

	/**
	 * What the call answers for a key, together with the keys waiting with it.
	 * @param key the key
	 * @return the answer; empty when the call had none for the key
	 */
	public Mono<V> get(K key) {
		return Mono.defer(() -> {
			Waiting<K, V> request = new Waiting<>(key, Sinks.one());
			this.waiting.add(request);
			this.queued.incrementAndGet();
			drain();
			return request.result().asMono();
		});
	}

	// Called after every change of the queue or of the running count, and once a call has
	// run for the patience, so a request added while calls run goes with the next one
	// that ends or starts.
	private void drain() {
		while (!this.waiting.isEmpty()) {
			int now = this.running.get();
			if (now >= this.atOnce || (now > 0 && this.queued.get() < this.batchSize && !latestIsSlow())) {
				return;
			}
			if (!this.running.compareAndSet(now, now + 1)) {
				continue;
			}
			Map<K, List<Waiting<K, V>>> batch = next();
			if (batch.isEmpty()) {
				this.running.decrementAndGet();
				continue;
			}
			run(batch);
		}
	}

	private boolean latestIsSlow() {
		return this.clock.now(TimeUnit.MILLISECONDS) - this.latestStart.get() >= PATIENCE_MILLIS;
	}

	private Map<K, List<Waiting<K, V>>> next() {
		Map<K, List<Waiting<K, V>>> batch = new LinkedHashMap<>();
		Waiting<K, V> request;
		while (batch.size() < this.batchSize && (request = this.waiting.poll()) != null) {
			this.queued.decrementAndGet();
			batch.computeIfAbsent(request.key(), (key) -> new ArrayList<>(1)).add(request);
		}
		return batch;
	}

	private void run(Map<K, List<Waiting<K, V>>> batch) {
		this.sizes.record(batch.size());
		this.latestStart.set(this.clock.now(TimeUnit.MILLISECONDS));
		Disposable patience = this.clock.schedule(this::drain, PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
		Mono.defer(() -> this.call.apply(List.copyOf(batch.keySet()))).defaultIfEmpty(Map.of()).doFinally((signal) -> {
			patience.dispose();
			this.running.decrementAndGet();
			drain();
		}).subscribe((answers) -> batch.forEach((key, requests) -> {
			V answer = answers.get(key);
			requests.forEach((request) -> {
				if (answer != null) {
					request.result().tryEmitValue(answer);
				}
				else {
					request.result().tryEmitEmpty();
				}
			});
		}), (ex) -> batch.values()
			.forEach((requests) -> requests.forEach((request) -> request.result().tryEmitError(ex))));
	}

	private record Waiting<K, V>(K key, Sinks.One<V> result) {

	}

}
