package org.zeitspende.callout;

import java.time.Instant;
import java.util.List;

/**
 * A new callout after every check, with defaults filled in and lists normalised.
 */
record ValidCallout(String activity, String place, Instant startsAt, Instant endsAt, int needed, List<String> languages,
		List<String> skills, String details, String meetingPoint, String contactHint, boolean notifyWhenFilled) {
}
