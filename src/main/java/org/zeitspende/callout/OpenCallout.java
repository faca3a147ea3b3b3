package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * What a message asking for help says about a callout that is still open.
 *
 * @param id the callout
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 */
public record OpenCallout(UUID id, String activity, String place, Instant startsAt, Instant endsAt) {

}
