package org.zeitspende.engagement;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.organisation.SeekingOrganisations;

/**
 * An organisation looks for volunteers in an activity while it has an open requirement
 * profile of it. Callouts do not count: they are open for hours, too short to describe
 * what an organisation does.
 */
@Service
class OrganisationsWithOpenProfiles implements SeekingOrganisations {

	private final RequirementProfileRepository profiles;

	OrganisationsWithOpenProfiles(RequirementProfileRepository profiles) {
		this.profiles = profiles;
	}

	@Override
	public Mono<Set<UUID>> inActivity(String activity) {
		return this.profiles.organisationsWithOpenProfiles(activity).collect(Collectors.toSet());
	}

}
