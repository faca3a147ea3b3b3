package org.zeitspende.engagement;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Which organisations look for volunteers in an activity, for the directory of
 * organisations: those with an open requirement profile of it. Callouts do not count;
 * they are open for hours, too short to describe what an organisation does.
 */
@Service
public class SeekingOrganisations {

	private final RequirementProfileRepository profiles;

	SeekingOrganisations(RequirementProfileRepository profiles) {
		this.profiles = profiles;
	}

	/**
	 * The organisations with an open requirement profile of an activity.
	 * @param activity the activity's code
	 * @return their ids; empty for an unknown activity
	 */
	public Mono<Set<UUID>> inActivity(String activity) {
		return this.profiles.organisationsWithOpenProfiles(activity).collect(Collectors.toSet());
	}

}
