package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * What a message about a callout says about it, whatever its status.
 *
 * @param id the callout
 * @param organisationId its organisation
 * @param createdBy the member who created it
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param needed how many helpers it asks for
 * @param filled how many confirmed
 * @param status where it stands
 */
public record CalloutSummary(UUID id, UUID organisationId, UUID createdBy, String activity, String place,
		Instant startsAt, Instant endsAt, int needed, int filled, CalloutStatus status) {

}
