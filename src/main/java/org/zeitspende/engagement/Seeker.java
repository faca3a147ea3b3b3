package org.zeitspende.engagement;

import java.util.List;

import org.zeitspende.helper.MatchProfile;

/**
 * What a volunteer looks for, against which requirement profiles are scored: a signed-in
 * helper's own profile, or what an anonymous visitor typed in.
 *
 * @param hoursPerWeek the time the volunteer can give each week
 * @param places codes of the places the volunteer goes to
 * @param activities codes of the activities the volunteer does
 * @param skills the volunteer's normalised skills
 * @param languages codes of the languages the volunteer speaks
 */
record Seeker(int hoursPerWeek, List<String> places, List<String> activities, List<String> skills,
		List<String> languages) {

	Seeker {
		places = List.copyOf(places);
		activities = List.copyOf(activities);
		skills = List.copyOf(skills);
		languages = List.copyOf(languages);
	}

	static Seeker of(MatchProfile helper) {
		return new Seeker(helper.hoursPerWeek(), helper.places(), helper.activities(), helper.skills(),
				helper.languages());
	}

}
