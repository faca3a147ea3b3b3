package org.zeitspende.engagement;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A requirement profile as volunteers browse it: with its fit to the volunteer when the
 * volunteer said what they look for.
 *
 * @param profile the profile
 * @param score the fit score from 0 to 100 (see {@link Fit}), or {@code null}
 * @param explanation why the profile has that score, or {@code null}
 * @param fit the fit, for the pages to explain in their language, or {@code null}
 */
record ScoredProfile(RequirementProfile profile, Integer score, String explanation, @JsonIgnore Fit fit) {

	static ScoredProfile of(RequirementProfile profile, Fit fit) {
		return (fit != null) ? new ScoredProfile(profile, fit.score(), fit.explanation(), fit)
				: new ScoredProfile(profile, null, null, null);
	}

}
