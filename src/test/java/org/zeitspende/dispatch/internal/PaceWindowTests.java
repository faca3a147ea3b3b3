package org.zeitspende.dispatch.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaceWindowTests {

	private static final long MS = 1_000_000;

	private static final long SECOND = 1_000 * MS;

	private final AtomicLong clock = new AtomicLong(5 * SECOND);

	@Test
	void callsOnTheirTurns_waitForNothing() {
		PaceWindow window = new PaceWindow(100, Duration.ofSeconds(1), this.clock::get);
		for (int i = 0; i < 500; i++) {
			assertThat(window.tryStart()).isZero();
			this.clock.addAndGet(10 * MS);
		}
	}

	@Test
	void callsThatStartTogetherAfterAStall_areHeldToThePaceOfAnySecond() {
		PaceWindow window = new PaceWindow(100, Duration.ofSeconds(1), this.clock::get);
		List<Long> starts = new ArrayList<>();
		// On their turns for half a second, then a stall of 80 ms after which the late
		// turns come at once, then on their turns again.
		List<Long> waiting = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			start(window, starts, waiting);
			this.clock.addAndGet(10 * MS);
		}
		this.clock.addAndGet(80 * MS);
		for (int i = 0; i < 8; i++) {
			start(window, starts, waiting);
		}
		for (int i = 0; i < 300; i++) {
			start(window, starts, waiting);
			this.clock.addAndGet(10 * MS);
		}

		assertThat(busiestSecond(starts)).isEqualTo(100);
		assertThat(waiting).as("calls that found the second full").isNotEmpty();
	}

	@Test
	void aFullSecond_holdsTheNextCallUntilTheFirstIsASecondOld() {
		PaceWindow window = new PaceWindow(3, Duration.ofSeconds(1), this.clock::get);
		assertThat(window.tryStart()).isZero();
		this.clock.addAndGet(100 * MS);
		assertThat(window.tryStart()).isZero();
		assertThat(window.tryStart()).isZero();
		assertThat(window.tryStart()).as("not counted while it waits").isEqualTo(900 * MS);
		assertThat(window.tryStart()).isEqualTo(900 * MS);
		this.clock.addAndGet(900 * MS);
		assertThat(window.tryStart()).isZero();
		assertThat(window.tryStart()).isEqualTo(100 * MS);
	}

	@Test
	void await_returnsAtOnceWhenThereIsRoom_andAnInterruptedWaitFails() {
		PaceWindow window = new PaceWindow(1, Duration.ofSeconds(1), this.clock::get);
		assertThatCode(window::await).doesNotThrowAnyException();
		// The clock stands still: the second call finds no room.
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(window::await);
		assertThat(Thread.interrupted()).as("the interrupt was taken").isFalse();
	}

	@Test
	void ofTheRateLimitersPace_countsItsPermitsPerSecond() {
		PaceWindow window = PaceWindow.of(RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofSeconds(1).dividedBy(98))
			.build());
		for (int i = 0; i < 98; i++) {
			assertThat(window.tryStart()).isZero();
		}
		assertThat(window.tryStart()).as("the 99th call of one moment waits").isPositive();
	}

	@Test
	void ofAPeriodLongerThanASecond_holdsThePermitsOfThePeriod() {
		PaceWindow window = PaceWindow
			.of(RateLimiterConfig.custom().limitForPeriod(3).limitRefreshPeriod(Duration.ofSeconds(10)).build());
		for (int i = 0; i < 3; i++) {
			assertThat(window.tryStart()).isZero();
		}
		assertThat(window.tryStart()).isGreaterThan(9 * SECOND);
	}

	@Test
	void ofAPaceThatLimitsNothing_neverWaitsAndKeepsNoRecord() {
		// Resilience4j's default: 50 permits every 500 ns, 100 million a second.
		PaceWindow window = PaceWindow.of(RateLimiterConfig.ofDefaults());
		for (int i = 0; i < 100_000; i++) {
			assertThat(window.tryStart()).isZero();
		}
	}

	// A call that finds the second full tries again when there may be room, as await
	// does; the calls after it wait their turn behind it.
	private void start(PaceWindow window, List<Long> starts, List<Long> waiting) {
		long wait = window.tryStart();
		while (wait > 0) {
			waiting.add(wait);
			this.clock.addAndGet(wait);
			wait = window.tryStart();
		}
		starts.add(this.clock.get());
	}

	private static int busiestSecond(List<Long> starts) {
		int busiest = 0;
		for (int from = 0; from < starts.size(); from++) {
			int to = from;
			while (to < starts.size() && starts.get(to) < starts.get(from) + SECOND) {
				to++;
			}
			busiest = Math.max(busiest, to - from);
		}
		return busiest;
	}

}
