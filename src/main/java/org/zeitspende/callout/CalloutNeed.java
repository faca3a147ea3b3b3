package org.zeitspende.callout;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What an open callout still needs, for the features that ask helpers.
 *
 * @param id the callout
 * @param organisationId its organisation
 * @param activity code of the activity
 * @param place code of the place
 * @param languages languages every helper must speak
 * @param skills skills every helper must have
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param needed how many helpers it asks for
 * @param filled how many confirmed
 */
public record CalloutNeed(UUID id, UUID organisationId, String activity, String place, Set<String> languages,
		Set<String> skills, Instant startsAt, Instant endsAt, int needed, int filled) {

	/**
	 * Places still free.
	 * @return needed minus filled
	 */
	public int openSlots() {
		return this.needed - this.filled;
	}

}
