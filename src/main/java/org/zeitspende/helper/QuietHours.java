package org.zeitspende.helper;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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

}
