package org.zeitspende.helper;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.zeitspende.dispatch.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@ParameterizedTest(name = "{0} UTC is quiet: {1}")
	@CsvSource({
			// 22:00-07:00 Berlin in winter (UTC+1): quiet from 21:00 UTC to 06:00 UTC.
			"2026-01-15T20:59:00Z, false", "2026-01-15T21:00:00Z, true", "2026-01-15T23:30:00Z, true",
			"2026-01-16T02:00:00Z, true", "2026-01-16T05:59:00Z, true", "2026-01-16T06:00:00Z, false",
			"2026-01-16T12:00:00Z, false" })
	void overMidnight_coversTheNightInTheHelpersZone(Instant instant, boolean quiet) {
		QuietHours hours = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);
		assertThat(hours.covers(instant)).isEqualTo(quiet);
	}

	@ParameterizedTest(name = "quiet at {0} UTC ends at {1}")
	@CsvSource({ "2026-01-15T21:00:00Z, 2026-01-16T06:00:00Z", "2026-01-16T02:00:00Z, 2026-01-16T06:00:00Z",
			"2026-01-16T12:00:00Z, 2026-01-16T12:00:00Z" })
	void endAfter_isTheEndOfTheQuietHoursCoveringTheInstant(Instant instant, Instant end) {
		QuietHours hours = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);
		assertThat(hours.endAfter(instant)).isEqualTo(end);
	}

	@ParameterizedTest(name = "{0} UTC is quiet: {1}")
	@CsvSource({
			// Summer time (UTC+2): the same local window starts an hour earlier in UTC.
			"2026-07-15T19:59:00Z, false", "2026-07-15T20:00:00Z, true", "2026-07-16T04:59:00Z, true",
			"2026-07-16T05:00:00Z, false" })
	void overMidnight_followsDaylightSavingTime(Instant instant, boolean quiet) {
		QuietHours hours = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);
		assertThat(hours.covers(instant)).isEqualTo(quiet);
	}

	@ParameterizedTest(name = "{0} UTC is quiet: {1}")
	@CsvSource({ "2026-01-15T12:59:00Z, false", "2026-01-15T13:00:00Z, true", "2026-01-15T14:59:00Z, true",
			"2026-01-15T15:00:00Z, false" })
	void withinOneDay_coversFromInclusiveToExclusive(Instant instant, boolean quiet) {
		QuietHours hours = new QuietHours(LocalTime.of(14, 0), LocalTime.of(16, 0), BERLIN);
		assertThat(hours.covers(instant)).isEqualTo(quiet);
	}

	@Test
	void theSameInstant_isQuietInOneZoneAndNotInAnother() {
		Instant noonUtc = Instant.parse("2026-03-10T12:00:00Z");
		// 21:00 in Tokyo (UTC+9), 13:00 in Berlin (UTC+1).
		assertThat(new QuietHours(LocalTime.of(20, 0), LocalTime.of(6, 0), ZoneId.of("Asia/Tokyo")).covers(noonUtc))
			.isTrue();
		assertThat(new QuietHours(LocalTime.of(20, 0), LocalTime.of(6, 0), BERLIN).covers(noonUtc)).isFalse();
	}

	@Test
	void equalStartAndEnd_isNeverQuiet() {
		QuietHours hours = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), BERLIN);
		assertThat(hours.covers(Instant.parse("2026-01-15T07:00:00Z"))).isFalse();
		assertThat(hours.covers(Instant.parse("2026-01-15T19:00:00Z"))).isFalse();
	}

	@Test
	void candidateWithoutQuietHours_isNeverQuiet() {
		Candidate candidate = new Candidate(UUID.randomUUID(), Channel.SMS, "de", 2, Optional.empty());
		assertThat(candidate.quietAt(Instant.parse("2026-01-16T02:00:00Z"))).isFalse();
	}

	@Test
	void candidateWithQuietHours_isQuietWithinThem() {
		Candidate candidate = new Candidate(UUID.randomUUID(), Channel.SMS, "de", 2,
				Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN)));
		assertThat(candidate.quietAt(Instant.parse("2026-01-16T02:00:00Z"))).isTrue();
		assertThat(candidate.quietAt(Instant.parse("2026-01-16T10:00:00Z"))).isFalse();
	}

}
