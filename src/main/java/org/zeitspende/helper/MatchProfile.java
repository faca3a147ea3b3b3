package org.zeitspende.helper;

import java.util.List;
import java.util.UUID;

/**
 * What a helper offers, for features that match helpers to engagements: time, places,
 * activities, skills, languages and how often they may be asked, without any contact
 * data.
 *
 * @param helperId the helper
 * @param hoursPerWeek the time the helper can give each week
 * @param places codes of the places the helper goes to
 * @param activities codes of the activities the helper does
 * @param skills the helper's normalised skills
 * @param languages codes of the languages the helper speaks
 * @param maxAsksPerWeek the helper's own ask budget
 */
public record MatchProfile(UUID helperId, int hoursPerWeek, List<String> places, List<String> activities,
		List<String> skills, List<String> languages, int maxAsksPerWeek) {

	public MatchProfile {
		places = List.copyOf(places);
		activities = List.copyOf(activities);
		skills = List.copyOf(skills);
		languages = List.copyOf(languages);
	}

}
