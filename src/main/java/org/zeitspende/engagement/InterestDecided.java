package org.zeitspende.engagement;

import java.util.UUID;

/**
 * An organisation accepted or declined a helper's interest, published once after the
 * change is committed. Listeners run on the publishing thread, which may be an event
 * loop: they must not block.
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
