package org.zeitspende.engagement;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A helper interested in one of the organisation's requirement profiles, as the
 * organisation sees it: pseudonymous, with the helper's fit to the profile, and with
 * contact data only where the helper shared it.
 *
 * @param interestId the interest, to accept or decline it
 * @param pseudonym the name to call the helper by
 * @param score the helper's fit to the profile, 0 to 100 (see {@link Fit})
 * @param explanation why, in words
 * @param status where the interest stands
 * @param contactShared whether the helper shared contact data
 * @param email the helper's verified email address, if shared
 * @param mobile the helper's verified mobile number, if shared
 * @param createdAt when the helper expressed interest
 * @param fit the fit, for the console to explain in its language
 */
record InterestedHelper(UUID interestId, String pseudonym, int score, String explanation, InterestStatus status,
		boolean contactShared, String email, String mobile, Instant createdAt, @JsonIgnore Fit fit) {
}
