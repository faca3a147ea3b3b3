package org.zeitspende.engagement;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataErasure;

/**
 * An erased helper's interests in requirement profiles and weekly digests are deleted:
 * nothing counts them, and an interest would keep showing the helper to organisations.
 */
@Component
class EngagementDataErasure implements HelperDataErasure {

	private final InterestRepository interests;

	private final DigestRepository digests;

	EngagementDataErasure(InterestRepository interests, DigestRepository digests) {
		this.interests = interests;
		this.digests = digests;
	}

	@Override
	public Mono<Void> erase(UUID helperId) {
		return this.interests.eraseOf(helperId).then(this.digests.eraseOf(helperId));
	}

}
