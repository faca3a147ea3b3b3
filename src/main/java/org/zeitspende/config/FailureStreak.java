package org.zeitspende.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;

import org.springframework.core.NestedExceptionUtils;

/**
 * What the log says of something that fails again and again: a scheduled job while
 * PostgreSQL is away, or a provider's messages while it is down. A streak is failures
 * with no success between them and no minute without a failure. Its first failure is
 * logged in full by the caller, then one line a minute while it goes on, and one line
 * when it ends: when something works again, or, at the next failure, when a minute passed
 * without one.
 * <p>
 * A streak that begins within a minute of the last line is logged in full only once a
 * minute has passed since that line, so that a provider failing every other message logs
 * about two lines a minute, not two per failure. A streak too short for that is counted,
 * and the next line tells the count; if none comes, the first success a minute after the
 * last line does.
 */
public final class FailureStreak {

	static final Duration REMINDER_EVERY = Duration.ofMinutes(1);

	private final Log log;

	private final String subject;

	private final String unit;

	private final Wording wording;

	private final Clock clock;

	// Read without the lock by succeeded(): nothing to do while all goes well, which is
	// nearly always, thousands of times a second. Failing now, and when the failures of
	// short streaks are to be told (never: Long.MAX_VALUE), in the clock's milliseconds.
	private volatile boolean failing;

	private volatile long shortStreaksDue = Long.MAX_VALUE;

	private long failedInARow;

	private Instant failingSince;

	private Instant lastFailure;

	private String latestReason;

	private boolean streakLogged;

	private Instant lastLogged;

	private long inShortStreaks;

	private Instant shortStreaksSince;

	/**
	 * A streak whose lines go to the given log.
	 * @param log the log of the class whose work fails
	 * @param subject what fails, for the log: "Planning waves", "SMS"
	 * @param unit what is counted, in the singular: "run", "message"
	 * @param clock the clock that tells when a minute has passed
	 */
	public FailureStreak(Log log, String subject, String unit, Clock clock) {
		this(log, subject, unit, Wording.FAILURES, clock);
	}

	/**
	 * A streak of something other than failures, such as refusals.
	 * @param log the log of the class whose work fails
	 * @param subject what fails, for the log: "Rate limit sms-global"
	 * @param unit what is counted, in the singular: "request"
	 * @param wording the verbs of its lines
	 * @param clock the clock that tells when a minute has passed
	 */
	public FailureStreak(Log log, String subject, String unit, Wording wording, Clock clock) {
		this.log = log;
		this.subject = subject;
		this.unit = unit;
		this.wording = wording;
		this.clock = clock;
	}

	/**
	 * It worked.
	 */
	public void succeeded() {
		if (this.failing || this.clock.millis() >= this.shortStreaksDue) {
			succeededAfterFailures().forEach(Runnable::run);
		}
	}

	/**
	 * It failed.
	 * @param ex why
	 * @param inFull logs this failure in full; called (outside the lock, like every line)
	 * when a streak is first logged, with what is to be appended to the line: empty, or
	 * what failed before
	 */
	public void failed(Throwable ex, Consumer<String> inFull) {
		recordFailure(ex, inFull).forEach(Runnable::run);
	}

	private synchronized List<Runnable> succeededAfterFailures() {
		Instant now = this.clock.instant();
		List<Runnable> lines = new ArrayList<>(1);
		if (this.failedInARow > 0) {
			if (endStreak(" " + this.wording.worksAgain() + ", after ", lines)) {
				this.lastLogged = now;
			}
		}
		if (this.inShortStreaks > 0 && due(now)) {
			String line = this.subject + " " + this.wording.worksAgain() + ", after " + count(this.inShortStreaks) + " "
					+ this.wording.failed() + " in short streaks since " + this.shortStreaksSince + ", the latest: "
					+ this.latestReason;
			this.inShortStreaks = 0;
			this.lastLogged = now;
			lines.add(() -> this.log.info(line));
		}
		this.failing = false;
		this.shortStreaksDue = (this.inShortStreaks > 0) ? this.lastLogged.plus(REMINDER_EVERY).toEpochMilli()
				: Long.MAX_VALUE;
		return lines;
	}

	private synchronized List<Runnable> recordFailure(Throwable ex, Consumer<String> inFull) {
		Instant now = this.clock.instant();
		List<Runnable> lines = new ArrayList<>(2);
		if (this.failedInARow > 0 && !now.isBefore(this.lastFailure.plus(REMINDER_EVERY))) {
			// No failure for a minute: that streak ended, and this one begins a new one.
			endStreak(" " + this.wording.failed() + " last at " + this.lastFailure.truncatedTo(ChronoUnit.SECONDS)
					+ ", after ", lines);
		}
		this.failedInARow++;
		this.lastFailure = now;
		this.latestReason = reason(ex);
		if (this.failedInARow == 1) {
			this.failingSince = now.truncatedTo(ChronoUnit.SECONDS);
			this.streakLogged = false;
		}
		if (due(now)) {
			String told = toldBefore();
			if (this.streakLogged) {
				String line = this.subject + " still " + this.wording.fails() + ", " + count(this.failedInARow)
						+ " since " + this.failingSince + ": " + this.latestReason + told;
				lines.add(() -> this.log.warn(line));
			}
			else {
				String streak = (this.failedInARow > 1) ? " (" + count(this.failedInARow) + " " + this.wording.failed()
						+ " since " + this.failingSince + ")" : "";
				lines.add(() -> inFull.accept(streak + told));
			}
			this.streakLogged = true;
			this.lastLogged = now;
		}
		this.failing = true;
		return lines;
	}

	// A logged streak's end is a line; an unlogged one's failures are counted for the
	// next. Whether it was a line.
	private boolean endStreak(String ended, List<Runnable> lines) {
		boolean logged = this.streakLogged;
		if (logged) {
			String line = this.subject + ended + count(this.failedInARow) + " " + this.wording.failed() + " since "
					+ this.failingSince;
			lines.add(() -> this.log.info(line));
		}
		else {
			this.shortStreaksSince = (this.inShortStreaks == 0) ? this.failingSince : this.shortStreaksSince;
			this.inShortStreaks += this.failedInARow;
		}
		this.failedInARow = 0;
		return logged;
	}

	private boolean due(Instant now) {
		return this.lastLogged == null || !now.isBefore(this.lastLogged.plus(REMINDER_EVERY));
	}

	// Told once, then reset.
	private String toldBefore() {
		if (this.inShortStreaks == 0) {
			return "";
		}
		String told = " (before it " + count(this.inShortStreaks) + " " + this.wording.failed()
				+ " in short streaks since " + this.shortStreaksSince + ")";
		this.inShortStreaks = 0;
		return told;
	}

	private String count(long count) {
		return count + " " + this.unit + ((count == 1) ? "" : "s");
	}

	/**
	 * Why something failed, in one line: the exception's message and its root cause's,
	 * unless that says nothing new: "Failed to obtain R2DBC Connection (... Connection
	 * refused)".
	 * @param ex the failure
	 * @return the reason
	 */
	public static String reason(Throwable ex) {
		String reason = messageOf(ex);
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String rootMessage = messageOf(root);
		return (root == ex || reason.contains(rootMessage)) ? reason : reason + " (" + rootMessage + ")";
	}

	private static String messageOf(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * The verbs of a streak's lines.
	 *
	 * @param fails what the subject still does: "fails"
	 * @param failed what happened to each unit: "failed"
	 * @param worksAgain what the subject does when the streak ends: "works again"
	 */
	public record Wording(String fails, String failed, String worksAgain) {

		/** Of failures: "still fails", "failed", "works again". */
		public static final Wording FAILURES = new Wording("fails", "failed", "works again");

	}

}
