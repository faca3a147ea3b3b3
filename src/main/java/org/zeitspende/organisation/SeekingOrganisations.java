package org.zeitspende.organisation;

import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Which organisations look for volunteers in an activity, for the directory. Implemented
 * by the feature that knows what organisations look for, so that this one need not depend
 * on it.
 */
public interface SeekingOrganisations {

	/**
	 * The organisations that look for volunteers in an activity.
	 * @param activity the activity's code
	 * @return their ids; empty for an unknown activity
	 */
	Mono<Set<UUID>> inActivity(String activity);

}
