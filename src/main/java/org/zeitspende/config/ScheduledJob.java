package org.zeitspende.config;

import java.time.Clock;

import org.apache.commons.logging.Log;
import reactor.core.publisher.Mono;

/**
 * The runs of one scheduled job, and what the log says of their failures. While
 * PostgreSQL or Redis is away every run fails the same way, every second or two, and
 * Spring would log each failure with its stack trace (its logger for that is set to
 * {@code error} in {@code application.yml}). Here the runs' failures are a
 * {@link FailureStreak}: the first failure of a streak is logged with its stack trace,
 * then one line a minute while the runs keep failing, and one line when a run succeeds
 * again. A failed run still fails: Spring's scheduling counts it (the metric
 * {@code tasks.scheduled.execution} with outcome {@code ERROR}), and the next run comes
 * at its time.
 */
public final class ScheduledJob {

	private final Log log;

	private final String name;

	private final FailureStreak failures;

	/**
	 * A job whose failures go to the given log.
	 * @param log the log of the class that runs the job
	 * @param name what the job does, for the log: "Planning waves"
	 */
	public ScheduledJob(Log log, String name) {
		this(log, name, Clock.systemUTC());
	}

	ScheduledJob(Log log, String name, Clock clock) {
		this.log = log;
		this.name = name;
		this.failures = new FailureStreak(log, name, "run", clock);
	}

	/**
	 * One run of the job.
	 * @param run the run, subscribed to once
	 * @return completes when the run has, or fails with its error once logged
	 */
	public Mono<Void> run(Mono<?> run) {
		return run.then().doOnSuccess((done) -> this.failures.succeeded()).doOnError(this::failed);
	}

	private void failed(Throwable ex) {
		this.failures.failed(ex, (unlogged) -> this.log
			.warn(this.name + " failed; trying again at the next run: " + FailureStreak.reason(ex) + unlogged, ex));
	}

}
