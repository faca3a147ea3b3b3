package org.zeitspende.engagement;

import java.util.UUID;

/**
 * An organisation accepted or declined a helper's interest, told once to the
 * {@link InterestDecisionNotices} within the transaction that stores it.
 *
 * @param organisationId the organisation
 * @param memberId the member who decided
 * @param helperId the helper
 * @param profileTitle the title of the requirement profile
 * @param accepted whether the interest was accepted (else declined)
 */
public record InterestDecided(UUID organisationId, UUID memberId, UUID helperId, String profileTitle,
		boolean accepted) {
}
