package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.config.ScheduledJob;

/**
 * Takes jobs from the dispatch stream and plans their waves; every replica runs one. A
 * job is acknowledged only after its wave committed: one whose replica stopped first
 * stays pending and another replica takes it over after {@code reclaim-after}. Planning a
 * wave twice asks nobody twice, so a job taken over too early does no harm.
 */
@Component
class DispatchConsumer {

	private static final Log log = LogFactory.getLog(DispatchConsumer.class);

	private final ScheduledJob job = new ScheduledJob(log, "Planning waves from the dispatch stream");

	private final DispatchJobs jobs;

	private final WavePlanner planner;

	private final WaveProperties properties;

	private final String name;

	private final MeterRegistry meters;

	private final Counter asksQueued;

	DispatchConsumer(DispatchJobs jobs, WavePlanner planner, WaveProperties properties, MeterRegistry meters) {
		this.jobs = jobs;
		this.planner = planner;
		this.properties = properties;
		this.name = consumerName();
		this.meters = meters;
		this.asksQueued = Counter.builder("zeitspende.waves.asks")
			.description("Asks queued by the waves planned")
			.register(meters);
	}

	@Scheduled(initialDelayString = "${zeitspende.waves.consume-interval}",
			fixedDelayString = "${zeitspende.waves.consume-interval}")
	Mono<Void> consumeOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> consume(this.name, this.properties.reclaimAfter(), Instant.now())));
	}

	/**
	 * Takes over jobs left unacknowledged for the given time, then takes new jobs, and
	 * plans their waves one after the other.
	 * @param consumer the consumer's name in the group
	 * @param reclaimAfter how long a job must have been idle to be taken over
	 * @param now the current instant
	 * @return how many jobs were done and acknowledged
	 */
	Mono<Long> consume(String consumer, Duration reclaimAfter, Instant now) {
		int batch = this.properties.consumeBatch();
		return this.jobs.reclaim(consumer, reclaimAfter, batch)
			.concatWith(this.jobs.take(consumer, batch))
			.concatMap((job) -> handle(job, now))
			.count();
	}

	private Mono<DispatchJob> handle(DispatchJob job, Instant now) {
		Mono<Integer> planned = (job.calloutId() != null) ? measured(this.planner.planWave(job.calloutId(), now))
				: Mono.just(0);
		return planned.then(this.jobs.acknowledge(job)).thenReturn(job).onErrorResume((ex) -> {
			log.warn("Dispatch job " + job.id() + " stays pending for another try: " + ex.getMessage());
			return Mono.empty();
		});
	}

	// How long planning takes, by whether it asked anyone (or failed), and how many it
	// asked: for operators watching a surge.
	private Mono<Integer> measured(Mono<Integer> planning) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.meters);
			return planning.doOnSuccess((asked) -> {
				sample.stop(planningTimer((asked != null && asked > 0) ? "planned" : "none"));
				this.asksQueued.increment((asked != null) ? asked : 0);
			}).doOnError((ex) -> sample.stop(planningTimer("failed")));
		});
	}

	private Timer planningTimer(String outcome) {
		return Timer.builder("zeitspende.waves.planning")
			.description("Time to plan a wave from a dispatch job")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	// The pod's name on Kubernetes, for a readable group; the suffix keeps two processes
	// on one host apart.
	private static String consumerName() {
		String host = System.getenv("HOSTNAME");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		return (host != null && !host.isBlank()) ? host + "-" + suffix : suffix;
	}

}
