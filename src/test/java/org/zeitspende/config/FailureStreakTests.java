package org.zeitspende.config;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeitspende.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FailureStreakTests {

	private static final IllegalStateException DOWN = new IllegalStateException("Twilio answered 503");

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T22:00:00.250Z"));

	private final FailureStreak streak = new FailureStreak(LogFactory.getLog(FailureStreakTests.class), "SMS",
			"message", this.clock);

	private final List<String> inFull = Collections.synchronizedList(new ArrayList<>());

	@Test
	void aStreak_isLoggedInFullAtItsStart_onceAMinute_andWhenItEnds(CapturedOutput output) {
		fail(Duration.ofSeconds(1), 90);
		this.streak.succeeded();
		this.streak.succeeded();
		assertThat(this.inFull).containsExactly("");
		assertThat(output).containsOnlyOnce("SMS still fails")
			.contains("SMS still fails, 61 messages since 2026-12-07T22:00:00Z: Twilio answered 503")
			.containsOnlyOnce("SMS works again, after 90 messages failed since 2026-12-07T22:00:00Z");
	}

	@Test
	void streaksWithinAMinuteOfTheLastLine_areCounted_andTheNextLineSaysHowManyFailed(CapturedOutput output) {
		fail(Duration.ofSeconds(1), 1);
		this.streak.succeeded();
		for (int i = 0; i < 5; i++) {
			fail(Duration.ofSeconds(1), 2);
			this.streak.succeeded();
		}
		assertThat(this.inFull).containsExactly("");
		assertThat(output).containsOnlyOnce("SMS works again");

		this.clock.advance(FailureStreak.REMINDER_EVERY);
		fail(Duration.ofSeconds(1), 1);
		assertThat(this.inFull).containsExactly("",
				" (before it 10 messages failed in short streaks since 2026-12-07T22:00:01Z)");
	}

	@Test
	void aStreakThatBeganWithinAMinuteOfTheLastLine_isLoggedInFullOnceTheMinuteHasPassed(CapturedOutput output) {
		fail(Duration.ofSeconds(10), 1);
		this.streak.succeeded();
		fail(Duration.ofSeconds(10), 7);
		this.streak.succeeded();
		assertThat(this.inFull).containsExactly("", " (7 messages failed since 2026-12-07T22:00:10Z)");
		assertThat(output).doesNotContain("still fails")
			.contains("SMS works again, after 7 messages failed since 2026-12-07T22:00:10Z");
	}

	@Test
	void shortStreaksFollowedBySuccessesOnly_areToldByTheFirstSuccessAMinuteAfterTheLastLine(CapturedOutput output) {
		fail(Duration.ofSeconds(1), 1);
		this.streak.succeeded();
		fail(Duration.ofSeconds(1), 3);
		this.streak.succeeded();
		this.clock.advance(Duration.ofSeconds(30));
		this.streak.succeeded();
		assertThat(output).doesNotContain("short streaks");

		this.clock.advance(Duration.ofSeconds(30));
		this.streak.succeeded();
		this.streak.succeeded();
		assertThat(output).containsOnlyOnce(
				"SMS works again, after 3 messages failed in short streaks since 2026-12-07T22:00:01Z, the latest: "
						+ "Twilio answered 503");
	}

	@Test
	void aMinuteWithoutFailures_endsAStreakWithoutSuccesses_andTheNextFailureBeginsANewOne(CapturedOutput output) {
		fail(Duration.ofSeconds(20), 3);
		this.clock.advance(Duration.ofDays(1));
		fail(Duration.ofSeconds(1), 1);
		assertThat(output)
			.containsOnlyOnce(
					"SMS failed last at 2026-12-07T22:00:40Z, after 3 messages failed since 2026-12-07T22:00:00Z")
			.doesNotContain("still fails");
		assertThat(this.inFull).containsExactly("", "");
	}

	@Test
	void aProviderFailingEveryOtherMessage_logsAboutTwoLinesAMinute_andTellsEveryFailure(CapturedOutput output) {
		for (int i = 0; i < 3000; i++) {
			fail(Duration.ofMillis(100), 1);
			succeed(Duration.ofMillis(100), 1);
		}
		succeed(Duration.ofMillis(100), 1200);
		List<String> lines = lines(output);
		assertThat(lines).as("two lines a minute at most").hasSizeBetween(10, 24);
		assertThat(told(lines)).isEqualTo(3000);
	}

	@Test
	void manyThreadsAtOnce_loseNoFailure(CapturedOutput output) throws Exception {
		int threads = 8;
		int each = 20_000;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < each; i++) {
					this.streak.failed(DOWN, this.inFull::add);
					this.streak.succeeded();
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> thread : done) {
			thread.get();
		}
		pool.shutdown();
		this.clock.advance(FailureStreak.REMINDER_EVERY);
		this.streak.succeeded();
		List<String> lines = lines(output);
		assertThat(lines).hasSize(3);
		assertThat(told(lines)).isEqualTo(threads * each);
	}

	@Test
	void aStreakOfRefusals_saysSoInItsOwnWords(CapturedOutput output) {
		FailureStreak refusals = new FailureStreak(LogFactory.getLog(FailureStreakTests.class), "Rate limit sms-global",
				"request", new FailureStreak.Wording("refuses", "refused", "lets requests through again"), this.clock);
		for (int i = 0; i < 61; i++) {
			refusals.failed(new IllegalStateException("exceeded"), this.inFull::add);
			this.clock.advance(Duration.ofSeconds(1));
		}
		refusals.succeeded();
		assertThat(output)
			.contains("Rate limit sms-global still refuses, 61 requests since 2026-12-07T22:00:00Z: exceeded")
			.contains("Rate limit sms-global lets requests through again, after 61 requests refused since "
					+ "2026-12-07T22:00:00Z");
	}

	@Test
	void theReason_namesTheRootCause_unlessTheMessageSaysItAlready() {
		ConnectException refused = new ConnectException("Connection refused");
		assertThat(FailureStreak.reason(new IllegalStateException("Failed to obtain R2DBC Connection",
				new IllegalArgumentException("Cannot connect", refused))))
			.isEqualTo("Failed to obtain R2DBC Connection (Connection refused)");
		assertThat(FailureStreak.reason(new IllegalStateException(refused)))
			.isEqualTo("java.net.ConnectException: Connection refused");
		assertThat(FailureStreak.reason(refused)).isEqualTo("Connection refused");
	}

	@Test
	void theReason_ofExceptionsWithoutMessages_namesTheirClasses() {
		assertThat(FailureStreak.reason(new NullPointerException())).isEqualTo("NullPointerException");
		assertThat(FailureStreak.reason(new IllegalStateException("Relay failed", new NullPointerException())))
			.isEqualTo("Relay failed (NullPointerException)");
	}

	private void fail(Duration between, int times) {
		for (int i = 0; i < times; i++) {
			this.streak.failed(DOWN, this.inFull::add);
			this.clock.advance(between);
		}
	}

	private void succeed(Duration between, int times) {
		for (int i = 0; i < times; i++) {
			this.streak.succeeded();
			this.clock.advance(between);
		}
	}

	// The lines in full (their texts after the caller's own) and the streak's own.
	private List<String> lines(CapturedOutput output) {
		List<String> lines = new ArrayList<>(this.inFull);
		lines.addAll(output.getAll().lines().toList());
		return lines;
	}

	// Failures told by lines that end streaks and by those that tell short ones: with
	// every streak ended, each failure once.
	private static int told(List<String> lines) {
		int told = 0;
		for (String line : lines) {
			told += number(line, "after (\\d+) messages? failed") + number(line, "before it (\\d+) messages? failed");
		}
		return told;
	}

	private static int number(String line, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(line);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

}
