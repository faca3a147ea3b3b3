package org.zeitspende.config;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeitspende.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobTests {

	private static final String FAILED = "Planning waves failed; trying again at the next run: Redis command timed out";

	private static final Duration BETWEEN_RUNS = Duration.ofSeconds(2);

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T22:00:00.250Z"));

	private final ScheduledJob job = new ScheduledJob(LogFactory.getLog(ScheduledJobTests.class), "Planning waves",
			this.clock);

	@Test
	void aFailedRun_failsWithItsError_andItsCauseIsLoggedWithTheStackTrace(CapturedOutput output) {
		StepVerifier.create(this.job.run(Mono.error(new IllegalStateException("Redis command timed out"))))
			.verifyErrorMessage("Redis command timed out");
		assertThat(output).contains(FAILED)
			.contains("java.lang.IllegalStateException: Redis command timed out")
			.contains("at org.zeitspende.config.ScheduledJobTests");
	}

	@Test
	void failuresInARow_areLoggedOnceAMinute_withoutTheirStackTraces(CapturedOutput output) {
		long runsAMinute = FailureStreak.REMINDER_EVERY.dividedBy(BETWEEN_RUNS);
		failRuns(runsAMinute);
		assertThat(output).doesNotContain("Planning waves still fails");
		failRuns(runsAMinute);
		failRuns(1);
		assertThat(output).containsOnlyOnce(FAILED);
		assertThat(count(output, "Planning waves still fails")).isEqualTo(2);
		assertThat(output)
			.contains("Planning waves still fails, 31 runs since 2026-12-07T22:00:00Z: Redis command timed out")
			.contains("Planning waves still fails, 61 runs since 2026-12-07T22:00:00Z: Redis command timed out");
		assertThat(output).containsOnlyOnce("java.lang.IllegalStateException");
	}

	@Test
	void aRunThatSucceedsAfterFailures_saysSoOnce_andAStreakAMinuteLaterIsLoggedWithItsStackTrace(
			CapturedOutput output) {
		failRuns(3);
		succeed();
		succeed();
		assertThat(output).containsOnlyOnce("Planning waves works again");
		assertThat(output).contains("Planning waves works again, after 3 runs failed since 2026-12-07T22:00:00Z");
		this.clock.advance(FailureStreak.REMINDER_EVERY);
		failRuns(1);
		assertThat(count(output, FAILED)).isEqualTo(2);
		assertThat(count(output, "java.lang.IllegalStateException")).isEqualTo(2);
	}

	@Test
	void runsThatSucceed_logNothing_andEachRunIsSubscribedToOnce(CapturedOutput output) {
		AtomicInteger subscriptions = new AtomicInteger();
		Mono<Integer> run = Mono.fromCallable(subscriptions::incrementAndGet);
		StepVerifier.create(this.job.run(run)).verifyComplete();
		StepVerifier.create(this.job.run(run)).verifyComplete();
		assertThat(subscriptions).hasValue(2);
		assertThat(output).doesNotContain("Planning waves");
	}

	private void failRuns(long runs) {
		for (long run = 0; run < runs; run++) {
			StepVerifier.create(this.job.run(Mono.error(new IllegalStateException("Redis command timed out"))))
				.verifyError(IllegalStateException.class);
			this.clock.advance(BETWEEN_RUNS);
		}
	}

	private void succeed() {
		StepVerifier.create(this.job.run(Mono.just(1))).verifyComplete();
	}

	private static int count(CapturedOutput output, String text) {
		return output.getAll().split(Pattern.quote(text), -1).length - 1;
	}

}
