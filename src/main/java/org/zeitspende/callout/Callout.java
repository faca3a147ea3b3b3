package org.zeitspende.callout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A callout as its organisation sees it.
 *
 * @param id the callout
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param needed how many helpers are needed
 * @param languages languages every helper must speak
 * @param skills skills every helper must have
 * @param details what the help is about
 * @param meetingPoint where to meet
 * @param contactHint whom to ask on site
 * @param notifyWhenFilled whether asked helpers hear when it is filled
 * @param status where it stands
 * @param shortCode the four digits helpers add to an SMS answer
 * @param counts how far it got
 * @param createdBy the member who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param cancelledAt when it was cancelled, or {@code null}
 */
record Callout(UUID id, String activity, String place, Instant startsAt, Instant endsAt, int needed,
		List<String> languages, List<String> skills, String details, String meetingPoint, String contactHint,
		boolean notifyWhenFilled, CalloutStatus status, String shortCode, CalloutCounts counts, UUID createdBy,
		Instant createdAt, Instant updatedAt, Instant cancelledAt) {
}
