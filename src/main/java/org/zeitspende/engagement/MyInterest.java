package org.zeitspende.engagement;

import java.time.Instant;
import java.util.UUID;

/**
 * A helper's own interest in a requirement profile.
 *
 * @param interestId the interest
 * @param profileId the profile
 * @param title the profile's title
 * @param shareContact whether the organisation may see the helper's contact data
 * @param status whether the organisation accepted or declined yet
 * @param createdAt when the helper expressed interest
 */
record MyInterest(UUID interestId, UUID profileId, String title, boolean shareContact, InterestStatus status,
		Instant createdAt) {
}
