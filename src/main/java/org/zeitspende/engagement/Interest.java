package org.zeitspende.engagement;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A helper's interest in a requirement profile, as stored.
 *
 * @param id the interest, the only name the organisation knows the helper by until the
 * helper shares contact data
 * @param profileId the profile
 * @param helperId the helper
 * @param shareContact whether the helper lets the organisation see the contact data
 * @param status where it stands
 * @param createdAt when the helper said so
 * @param decidedAt when the organisation accepted or declined, or {@code null}
 */
record Interest(UUID id, UUID profileId, UUID helperId, boolean shareContact, InterestStatus status, Instant createdAt,
		Instant decidedAt) {

	/**
	 * The name the organisation sees for the helper: derived from the interest, not from
	 * the helper, so that two organisations cannot tell they see the same person.
	 */
	String pseudonym() {
		return "H-" + this.id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
