package org.zeitspende.engagement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataExport;

/**
 * A helper's interests in requirement profiles (with each profile's title) and the weekly
 * digests sent to them, for the helper's data export.
 */
@Component
class EngagementDataExport implements HelperDataExport {

	private final InterestRepository interests;

	private final DigestRepository digests;

	EngagementDataExport(InterestRepository interests, DigestRepository digests) {
		this.interests = interests;
		this.digests = digests;
	}

	@Override
	public Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId) {
		return Mono.zip(this.interests.exportOf(helperId), this.digests.exportOf(helperId))
			.map((parts) -> Map.of("interests", parts.getT1(), "digests", parts.getT2()));
	}

}
