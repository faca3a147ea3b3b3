package org.zeitspende.callout;

import java.time.Instant;
import java.util.UUID;

/**
 * What messages and answer pages say about a callout, whatever its status, and how many
 * slots it has.
 *
 * @param id the callout
 * @param organisationId its organisation
 * @param createdBy the member who created it
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param details what the help is about
 * @param meetingPoint where to meet, possibly blank
 * @param contactHint whom to ask on site, possibly blank
 * @param needed how many helpers are needed
 * @param filled how many confirmed
 * @param status where it stands
 * @param shortCode the four digits helpers add to an SMS answer
 */
public record CalloutSummary(UUID id, UUID organisationId, UUID createdBy, String activity, String place,
		Instant startsAt, Instant endsAt, String details, String meetingPoint, String contactHint, int needed,
		int filled, CalloutStatus status, String shortCode) {

	/**
	 * Slots still free while the callout takes helpers.
	 * @param now the current instant
	 * @return the free slots; 0 when it is not open or has started
	 */
	public int open(Instant now) {
		return (takesHelpers(now)) ? this.needed - this.filled : 0;
	}

	/**
	 * Whether helpers may still confirm.
	 * @param now the current instant
	 * @return {@code true} when open and not started
	 */
	public boolean takesHelpers(Instant now) {
		return this.status == CalloutStatus.OPEN && this.startsAt.isAfter(now);
	}

	/**
	 * The callout after its slots changed.
	 * @param status its status now
	 * @param filled its slots taken now
	 * @return the callout with these numbers
	 */
	public CalloutSummary withSlots(CalloutStatus status, int filled) {
		return new CalloutSummary(this.id, this.organisationId, this.createdBy, this.activity, this.place,
				this.startsAt, this.endsAt, this.details, this.meetingPoint, this.contactHint, this.needed, filled,
				status, this.shortCode);
	}

}
