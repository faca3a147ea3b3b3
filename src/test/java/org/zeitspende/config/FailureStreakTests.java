package org.zeitspende.config;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

	private final List<String> inFull = new ArrayList<>();

	@Test
	void aStreak_isLoggedInFullAtItsStart_onceAMinute_andWhenItEnds(CapturedOutput output) {
		fail(Duration.ofSeconds(1), 90);
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
		assertThat(output).containsOnlyOnce("SMS works again, after 1 message failed");

		this.clock.advance(FailureStreak.REMINDER_EVERY);
		fail(Duration.ofSeconds(1), 1);
		assertThat(this.inFull).containsExactly("",
				" (before it 10 messages failed in short streaks since 2026-12-07T22:00:01Z)");
	}

	@Test
	void aStreakThatBeganUnlogged_isLoggedAMinuteAfterTheLastLine_andSoIsItsEnd(CapturedOutput output) {
		fail(Duration.ofSeconds(10), 1);
		this.streak.succeeded();
		fail(Duration.ofSeconds(10), 7);
		this.streak.succeeded();
		assertThat(this.inFull).containsExactly("");
		assertThat(output).containsOnlyOnce("SMS still fails, 7 messages since 2026-12-07T22:00:10Z")
			.contains("SMS works again, after 7 messages failed since 2026-12-07T22:00:10Z");
	}

	@Test
	void aProviderFailingEveryOtherMessage_logsAboutTwoLinesAMinute_andTellsEveryFailure(CapturedOutput output) {
		int failures = 0;
		for (int i = 0; i < 3000; i++) {
			fail(Duration.ofMillis(100), 1);
			failures++;
			this.streak.succeeded();
			this.clock.advance(Duration.ofMillis(100));
		}
		fail(Duration.ofSeconds(60), 2);
		failures += 2;
		long lines = output.getAll().lines().count() + this.inFull.size();
		assertThat(lines).as("two lines a minute at most").isBetween(10L, 24L);
		assertThat(told(output)).isEqualTo(failures);
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

	// The failures the lines account for: those of each streak whose end was logged,
	// those
	// each line says went unlogged before it, and those of the streak still going on.
	private int told(CapturedOutput output) {
		List<String> lines = new ArrayList<>(this.inFull);
		lines.addAll(output.getAll().lines().toList());
		int told = 0;
		for (String line : lines) {
			told += number(line, "after (\\d+) messages? failed") + number(line, "before it (\\d+) messages? failed");
		}
		return told + number(lines.get(lines.size() - 1), "still fails, (\\d+) messages?");
	}

	private static int number(String line, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(line);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

}
