package org.zeitspende.engagement;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Who stands behind an interest, for features that write to a helper the organisation
 * knows only by the interest.
 */
@Service
public class InterestedHelpers {

	private final InterestRepository interests;

	InterestedHelpers(InterestRepository interests) {
		this.interests = interests;
	}

	/**
	 * The helper who expressed an interest in one of the organisation's requirement
	 * profiles.
	 * @param organisationId the organisation
	 * @param interestId the interest
	 * @return the helper's id; empty when the organisation has no such interest
	 */
	public Mono<UUID> helperOf(UUID organisationId, UUID interestId) {
		return this.interests.helperOf(organisationId, interestId);
	}

}
