package org.zeitspende.engagement;

import java.util.List;

/**
 * How well a requirement profile fits a volunteer, as a score from 0 to 100 and the
 * sentence that explains it. The score is a weighted sum, rounded to a whole number:
 *
 * <pre>
 * score    = 40 × time + 20 × skills + 20 × place + 20 × activity
 * time     = 1 when the profile asks no more hours a week than the volunteer has,
 *            else the volunteer's hours ÷ the profile's hours
 * skills   = required skills the volunteer has ÷ required skills (1 when none are required)
 * place    = 1 when the profile names no place or one of the volunteer's places, else 0
 * activity = 1 when the profile's activity is one of the volunteer's, else 0
 * </pre>
 *
 * The explanation names each part in that order, e.g. "matches 3 of 4 skills, within your
 * 4 h/week, in one of your places, one of your activities".
 *
 * @param score the score, 0 to 100
 * @param explanation why, in words
 */
record Fit(int score, String explanation) {

	static final int TIME_WEIGHT = 40;

	static final int SKILLS_WEIGHT = 20;

	static final int PLACE_WEIGHT = 20;

	static final int ACTIVITY_WEIGHT = 20;

	static Fit of(RequirementProfile profile, Seeker seeker) {
		double time = (profile.hoursPerWeek() <= seeker.hoursPerWeek()) ? 1
				: (double) seeker.hoursPerWeek() / profile.hoursPerWeek();
		List<String> required = profile.requiredSkills();
		long matchedSkills = required.stream().filter(seeker.skills()::contains).count();
		double skills = required.isEmpty() ? 1 : (double) matchedSkills / required.size();
		boolean anywhere = profile.places().isEmpty();
		boolean place = anywhere || profile.places().stream().anyMatch(seeker.places()::contains);
		boolean activity = seeker.activities().contains(profile.activity());
		long score = Math.round(TIME_WEIGHT * time + SKILLS_WEIGHT * skills + PLACE_WEIGHT * (place ? 1 : 0)
				+ ACTIVITY_WEIGHT * (activity ? 1 : 0));
		String explanation = String.join(", ", skillsText(matchedSkills, required.size()),
				timeText(profile.hoursPerWeek(), seeker.hoursPerWeek()), placeText(anywhere, place),
				activity ? "one of your activities" : "not one of your activities");
		return new Fit((int) score, explanation);
	}

	private static String skillsText(long matched, int required) {
		return (required == 0) ? "needs no particular skills" : "matches " + matched + " of " + required + " skills";
	}

	private static String timeText(int asked, int offered) {
		return (asked <= offered) ? "within your " + offered + " h/week"
				: "needs " + asked + " h/week, more than your " + offered;
	}

	private static String placeText(boolean anywhere, boolean place) {
		if (anywhere) {
			return "at any place";
		}
		return place ? "in one of your places" : "not in your places";
	}

}
