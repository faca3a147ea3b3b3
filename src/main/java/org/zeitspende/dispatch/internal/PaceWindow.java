package org.zeitspende.dispatch.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Holds a provider's calls to as many in any one second as its pace allows, counted as
 * each call starts. The rate limiter hands out turns ahead, 10 ms apart at 100 per
 * second; turns whose calls start late, after a stall of the busy process, would start
 * together with the turns after them, and the provider counted more in one of its seconds
 * than it takes ({@code loadtest/paced.sh}: 106 requests in one second at a pace of 98).
 * Each call waits here, on its provider's own thread right before it starts, until the
 * call as many starts before it is a second old.
 */
final class PaceWindow {

	private static final long WINDOW = Duration.ofSeconds(1).toNanos();

	private final LongSupplier clock;

	// When the last calls started, as many as fit in the window, oldest next.
	private final long[] starts;

	private int oldest;

	PaceWindow(int perSecond, LongSupplier clock) {
		this.clock = clock;
		this.starts = new long[Math.max(1, perSecond)];
		Arrays.fill(this.starts, clock.getAsLong() - WINDOW);
	}

	/**
	 * The window of a rate limiter's pace: its permits per refresh period, in calls per
	 * second.
	 * @param pace the rate limiter's configuration
	 * @return the window, on the system's clock
	 */
	static PaceWindow of(RateLimiterConfig pace) {
		double perSecond = pace.getLimitForPeriod() * (double) WINDOW / pace.getLimitRefreshPeriod().toNanos();
		return new PaceWindow((int) Math.round(perSecond), System::nanoTime);
	}

	/**
	 * Starts a call now if the window has room.
	 * @return 0 when the call may start now and was counted, else nanoseconds until there
	 * may be room
	 */
	synchronized long tryStart() {
		long now = this.clock.getAsLong();
		long free = this.starts[this.oldest] + WINDOW;
		if (now < free) {
			return free - now;
		}
		this.starts[this.oldest] = now;
		this.oldest = (this.oldest + 1) % this.starts.length;
		return 0;
	}

	/**
	 * Waits until the call may start, blocking the calling thread, a provider's own. Each
	 * start is counted at the moment it is taken, so threads that wake late together
	 * still start no more in a second than the window holds.
	 * @throws InterruptedException when the call was given up while it waited
	 */
	void await() throws InterruptedException {
		for (long wait = tryStart(); wait > 0; wait = tryStart()) {
			LockSupport.parkNanos(this, wait);
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

}
