package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutOpened;
import org.zeitspende.callout.HelperWithdrew;
import org.zeitspende.config.ScheduledJob;

/**
 * Puts jobs on the dispatch stream: the first wave when a callout opens, another when a
 * confirmed helper withdraws, and each next wave when it is due; and, when the first job
 * of an open callout was lost, that one again. Every replica polls; claiming due waves
 * with {@code FOR UPDATE SKIP LOCKED} hands each to one poller, and a job put there twice
 * still plans one wave.
 * <p>
 * The listeners return a {@code Mono}: Spring subscribes to it, so they do not block the
 * publishing thread.
 */
@Component
class NextWaves {

	private static final Log log = LogFactory.getLog(NextWaves.class);

	private static final int POLL_BATCH = 500;

	private static final Retry PUBLISH_RETRY = Retry.backoff(3, Duration.ofMillis(200));

	private final ScheduledJob nextWaves = new ScheduledJob(log, "Putting the next waves on the dispatch stream");

	private final ScheduledJob firstWaves = new ScheduledJob(log, "Looking for callouts without a first wave");

	private final DispatchJobs jobs;

	private final WaveRepository waves;

	private final WaveProperties properties;

	NextWaves(DispatchJobs jobs, WaveRepository waves, WaveProperties properties) {
		this.jobs = jobs;
		this.waves = waves;
		this.properties = properties;
	}

	@EventListener
	Mono<Void> on(CalloutOpened opened) {
		return dispatch(opened.calloutId());
	}

	// The slot is open again: the next wave is due now.
	@EventListener
	Mono<Void> on(HelperWithdrew withdrawal) {
		return this.waves.nextWaveAt(withdrawal.calloutId(), withdrawal.at()).then(dispatch(withdrawal.calloutId()));
	}

	@Scheduled(initialDelayString = "${zeitspende.waves.poll-interval}",
			fixedDelayString = "${zeitspende.waves.poll-interval}")
	Mono<Void> pollOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.nextWaves.run(Mono.defer(() -> poll(Instant.now())));
	}

	/**
	 * Puts a job on the stream for each callout whose next wave is due and was not put
	 * there lately.
	 * @param now the current instant
	 * @return how many jobs were put on the stream
	 */
	Mono<Long> poll(Instant now) {
		return this.waves.claimDue(now, now.minus(this.properties.redispatchAfter()), POLL_BATCH)
			.concatMap(this.jobs::publish)
			.count();
	}

	@Scheduled(initialDelayString = "${zeitspende.waves.poll-interval}",
			fixedDelayString = "${zeitspende.waves.poll-interval}")
	Mono<Void> recoverFirstWavesOnSchedule() {
		return this.firstWaves.run(Mono.defer(() -> recoverFirstWaves(Instant.now())));
	}

	/**
	 * Puts a job on the stream for each open callout that has had no wave for
	 * {@code redispatch-after}: its first job was lost, or planning it failed.
	 * @param now the current instant
	 * @return how many jobs were put on the stream
	 */
	Mono<Long> recoverFirstWaves(Instant now) {
		return this.waves.withoutFirstWave(now.minus(this.properties.redispatchAfter()), now, POLL_BATCH)
			.doOnNext((calloutId) -> log.warn("Callout " + calloutId + " has no first wave yet; dispatching it again"))
			.concatMap(this.jobs::publish)
			.count();
	}

	// Redis may blip: a few tries. A job that is lost even so is put on the stream by
	// the pollers: a withdrawal's as its wave is due, a new callout's as it has no wave.
	private Mono<Void> dispatch(UUID calloutId) {
		return this.jobs.publish(calloutId).retryWhen(PUBLISH_RETRY).then().onErrorResume((ex) -> {
			log.warn("No dispatch job for callout " + calloutId + ": " + ex.getMessage());
			return Mono.empty();
		});
	}

}
