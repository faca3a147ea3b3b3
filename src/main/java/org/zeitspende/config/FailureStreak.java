package org.zeitspende.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;

import org.springframework.core.NestedExceptionUtils;

/**
 * What the log says of something that fails again and again: a scheduled job while
 * PostgreSQL is away, or a provider's messages while it is down. The first failure of a
 * streak is logged in full by the caller, then one line a minute while the failures go
 * on, and one line when it works again. A streak that begins within a minute of the last
 * line is not logged at its start (so that a provider failing every other message does
 * not log each failure twice); its failures are counted, and the next line says how many
 * there were.
 */
public final class FailureStreak {

	static final Duration REMINDER_EVERY = Duration.ofMinutes(1);

	private final Log log;

	private final String subject;

	private final String unit;

	private final Clock clock;

	// Read without the lock by succeeded(): nothing to do while all goes well, which is
	// nearly always, thousands of times a second in a fan-out.
	private volatile int failedInARow;

	private Instant failingSince;

	private boolean streakLogged;

	private Instant lastLogged;

	private int unlogged;

	private Instant unloggedSince;

	/**
	 * A streak whose lines go to the given log.
	 * @param log the log of the class whose work fails
	 * @param subject what fails, for the log: "Planning waves", "SMS"
	 * @param unit what is counted, singular and plural: "run", "message"
	 * @param clock the clock that tells when a minute has passed
	 */
	public FailureStreak(Log log, String subject, String unit, Clock clock) {
		this.log = log;
		this.subject = subject;
		this.unit = unit;
		this.clock = clock;
	}

	/**
	 * It worked; after a streak that was logged, that is logged too.
	 */
	public void succeeded() {
		if (this.failedInARow > 0) {
			endStreak();
		}
	}

	private synchronized void endStreak() {
		if (this.failedInARow == 0) {
			return;
		}
		if (this.streakLogged) {
			this.lastLogged = this.clock.instant();
			this.log.info(this.subject + " works again, after " + count(this.failedInARow) + " failed since "
					+ this.failingSince);
		}
		else {
			this.unloggedSince = (this.unlogged == 0) ? this.failingSince : this.unloggedSince;
			this.unlogged += this.failedInARow;
		}
		this.failedInARow = 0;
	}

	/**
	 * It failed.
	 * @param ex why
	 * @param inFull logs this failure in full, called when a logged streak begins, with
	 * what is to be appended: empty, or how many failures went unlogged before
	 */
	public synchronized void failed(Throwable ex, Consumer<String> inFull) {
		Instant now = this.clock.instant();
		this.failedInARow++;
		boolean due = this.lastLogged == null || !now.isBefore(this.lastLogged.plus(REMINDER_EVERY));
		if (this.failedInARow == 1) {
			this.failingSince = now.truncatedTo(ChronoUnit.SECONDS);
			this.streakLogged = false;
			if (due) {
				logged(now);
				inFull.accept(unloggedNote());
			}
		}
		else if (due) {
			logged(now);
			this.log.warn(this.subject + " still fails, " + count(this.failedInARow) + " since " + this.failingSince
					+ ": " + reason(ex) + unloggedNote());
		}
	}

	private void logged(Instant now) {
		this.lastLogged = now;
		this.streakLogged = true;
	}

	// Read once, then reset: each count is told once.
	private String unloggedNote() {
		if (this.unlogged == 0) {
			return "";
		}
		String note = " (before it " + count(this.unlogged) + " failed in short streaks since " + this.unloggedSince
				+ ")";
		this.unlogged = 0;
		return note;
	}

	private String count(int count) {
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

}
