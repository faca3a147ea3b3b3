package org.zeitspende.dispatch.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Holds a provider's calls to as many in any one second (or the rate limiter's refresh
 * period, when longer) as its pace allows, counted as each call starts. The rate limiter
 * hands out turns ahead, 10 ms apart at 100 per second; turns whose calls start late,
 * after a stall of the busy process, would start together with the turns after them, and
 * the provider counted more in one of its seconds than it takes
 * ({@code loadtest/paced.sh}: 106 requests in one second at a pace of 98). Each call
 * waits here, on its provider's own thread right before it starts, until the call as many
 * starts before it is a second old.
 */
final class PaceWindow {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	// More calls a second than any provider takes from one replica: a rate limiter this
	// permissive (Resilience4j's default allows 100 million) paces nothing, and neither
	// does the window.
	private static final long MOST_CALLS = 10_000;

	private final LongSupplier clock;

	private final long window;

	// When the last calls started, as many as fit in the window, oldest next; none when
	// the window holds no limit.
	private final long[] starts;

	private int oldest;

	PaceWindow(int calls, Duration window, LongSupplier clock) {
		this.clock = clock;
		this.window = window.toNanos();
		this.starts = new long[calls];
		Arrays.fill(this.starts, clock.getAsLong() - this.window);
	}

	/**
	 * The window of a rate limiter's pace: a second, or its refresh period when that is
	 * longer, holding as many calls as the limiter permits in it.
	 * @param pace the rate limiter's configuration
	 * @return the window, on the system's clock
	 */
	static PaceWindow of(RateLimiterConfig pace) {
		long period = pace.getLimitRefreshPeriod().toNanos();
		long window = Math.max(SECOND, period);
		// Rounded: a period of a second divided by 98 is a few nanoseconds short of it.
		long calls = Math.max(1, Math.round(pace.getLimitForPeriod() * ((double) window / period)));
		return new PaceWindow((calls > MOST_CALLS) ? 0 : (int) calls, Duration.ofNanos(window), System::nanoTime);
	}

	/**
	 * Starts a call now if the window has room.
	 * @return 0 when the call may start now and was counted, else nanoseconds until there
	 * may be room
	 */
	synchronized long tryStart() {
		if (this.starts.length == 0) {
			return 0;
		}
		long now = this.clock.getAsLong();
		// Differences only: nanosecond clocks may wrap.
		long wait = this.starts[this.oldest] + this.window - now;
		if (wait > 0) {
			return wait;
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
