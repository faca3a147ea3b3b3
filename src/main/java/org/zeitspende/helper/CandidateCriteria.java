package org.zeitspende.helper;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a helper must offer to be asked for a callout.
 *
 * @param place the callout's place; helpers of that place and of the place it belongs to
 * (a district's city) match
 * @param activity the callout's activity
 * @param languages languages the helper must speak, all of them
 * @param skills skills the helper must have, all of them
 * @param at when the helpers would be asked: pauses in force then exclude a helper
 */
public record CandidateCriteria(String place, String activity, Set<String> languages, Set<String> skills, Instant at) {

	public CandidateCriteria {
		Objects.requireNonNull(place, "place");
		Objects.requireNonNull(activity, "activity");
		Objects.requireNonNull(at, "at");
		languages = Set.copyOf(languages);
		skills = Set.copyOf(skills);
	}

}
