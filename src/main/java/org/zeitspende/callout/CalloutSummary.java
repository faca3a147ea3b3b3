package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * What a message about a callout says about it, whatever its status.
 *
 * @param id the callout
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param status where it stands
 */
public record CalloutSummary(UUID id, String activity, String place, Instant startsAt, Instant endsAt,
		CalloutStatus status) {

}
