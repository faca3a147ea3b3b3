package org.zeitspende.helper;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours a helper wants no SMS, in the helper's own time zone. A window whose start is
 * after its end runs over midnight (22:00 to 07:00); one whose start equals its end is
 * empty.
 *
 * @param from first quiet minute, local time
 * @param until first minute that is no longer quiet, local time
 * @param zone the helper's time zone
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

	public QuietHours {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(until, "until");
		Objects.requireNonNull(zone, "zone");
	}

	/**
	 * Whether the given instant falls into the quiet hours.
	 * @param instant the instant
	 * @return {@code true} if it is quiet time for the helper then
	 */
	public boolean covers(Instant instant) {
		LocalTime local = instant.atZone(this.zone).toLocalTime();
		if (this.from.isBefore(this.until)) {
			return !local.isBefore(this.from) && local.isBefore(this.until);
		}
		if (this.from.isAfter(this.until)) {
			return !local.isBefore(this.from) || local.isBefore(this.until);
		}
		return false;
	}

	/**
	 * When the quiet hours that cover an instant end.
	 * @param instant an instant
	 * @return the first instant after it that is not quiet, or the instant itself when it
	 * is not quiet
	 */
	public Instant endAfter(Instant instant) {
		if (!covers(instant)) {
			return instant;
		}
		ZonedDateTime local = instant.atZone(this.zone);
		ZonedDateTime end = local.with(this.until);
		if (!end.isAfter(local)) {
			end = local.plusDays(1).with(this.until);
		}
		return end.toInstant();
	}

}
