package org.zeitspende.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import reactor.core.publisher.Mono;

import org.springframework.core.NestedExceptionUtils;

/**
 * The runs of one scheduled job, and what the log says of their failures. While
 * PostgreSQL or Redis is away every run fails the same way, every second or two, and
 * Spring would log each failure with its stack trace (its logger for that is set to
 * {@code error} in {@code application.yml}). Here the first failure of a streak is logged
 * with its stack trace, then one line a minute while the runs keep failing, and one line
 * when a run succeeds again. A failed run still fails: Spring's scheduling counts it (the
 * metric {@code tasks.scheduled.execution} with outcome {@code ERROR}), and the next run
 * comes at its time.
 */
public final class ScheduledJob {

	static final Duration REMINDER_EVERY = Duration.ofMinutes(1);

	private final Log log;

	private final String name;

	private final Clock clock;

	private int failedInARow;

	private Instant failingSince;

	private Instant lastLogged;

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
		this.clock = clock;
	}

	/**
	 * One run of the job.
	 * @param run the run, subscribed to once
	 * @return completes when the run has, or fails with its error once logged
	 */
	public Mono<Void> run(Mono<?> run) {
		return run.then().doOnSuccess((done) -> succeeded()).doOnError(this::failed);
	}

	// Runs may end on different threads, and a run at start-up may overlap a scheduled
	// one.
	private synchronized void succeeded() {
		if (this.failedInARow > 0) {
			this.log.info(this.name + " works again, after " + runs(this.failedInARow) + " failed since "
					+ this.failingSince);
			this.failedInARow = 0;
		}
	}

	private synchronized void failed(Throwable ex) {
		Instant now = this.clock.instant();
		this.failedInARow++;
		if (this.failedInARow == 1) {
			this.failingSince = now.truncatedTo(ChronoUnit.SECONDS);
			this.lastLogged = now;
			this.log.warn(this.name + " failed; trying again at the next run: " + reason(ex), ex);
		}
		else if (!now.isBefore(this.lastLogged.plus(REMINDER_EVERY))) {
			this.lastLogged = now;
			this.log.warn(this.name + " still fails, " + runs(this.failedInARow) + " since " + this.failingSince + ": "
					+ reason(ex));
		}
	}

	// The exception's message and its root cause's, unless that says nothing new: "Failed
	// to obtain R2DBC Connection (... Connection refused)".
	static String reason(Throwable ex) {
		String reason = messageOf(ex);
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String rootMessage = messageOf(root);
		return (root == ex || reason.contains(rootMessage)) ? reason : reason + " (" + rootMessage + ")";
	}

	private static String messageOf(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static String runs(int count) {
		return count + ((count == 1) ? " run" : " runs");
	}

}
