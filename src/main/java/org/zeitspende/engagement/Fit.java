package org.zeitspende.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How well a requirement profile fits a volunteer, as a score from 0 to 100 and the
 * sentence that explains it. The score is a weighted sum, rounded to a whole number:
 *
 * <pre>
 * score    = 40 × time + 20 × skills + 20 × place + 20 × activity
 * time     = 1 when the profile asks no more hours a week than the volunteer has,
 *            else the volunteer's hours ÷ the profile's hours
 * skills   = (required skills the volunteer has + required languages the volunteer speaks)
 *            ÷ (required skills + required languages), 1 when none are required
 * place    = 1 when the profile names no place or one of the volunteer's places, else 0
 * activity = 1 when the profile's activity is one of the volunteer's, else 0
 * </pre>
 *
 * A required language counts like a required skill: lacking one of two required languages
 * costs as much as lacking one of two required skills. The explanation names each part in
 * that order, the languages right after the skills and only when some are required, e.g.
 * "matches 3 of 4 skills, speaks 1 of 1 required languages, within your 4 h/week, in one
 * of your places, one of your activities".
 *
 * @param score the score, 0 to 100
 * @param parts why, part by part, to put in words
 */
record Fit(int score, List<Part> parts) {

	static final int TIME_WEIGHT = 40;

	static final int SKILLS_WEIGHT = 20;

	static final int PLACE_WEIGHT = 20;

	static final int ACTIVITY_WEIGHT = 20;

	static Fit of(RequirementProfile profile, Seeker seeker) {
		double time = (profile.hoursPerWeek() <= seeker.hoursPerWeek()) ? 1
				: (double) seeker.hoursPerWeek() / profile.hoursPerWeek();
		List<String> required = profile.requiredSkills();
		int matchedSkills = (int) required.stream().filter(seeker.skills()::contains).count();
		List<String> languages = profile.requiredLanguages();
		int spoken = (int) languages.stream().filter(seeker.languages()::contains).count();
		int requirements = required.size() + languages.size();
		double skills = (requirements == 0) ? 1 : (double) (matchedSkills + spoken) / requirements;
		boolean anywhere = profile.places().isEmpty();
		boolean place = anywhere || profile.places().stream().anyMatch(seeker.places()::contains);
		boolean activity = seeker.activities().contains(profile.activity());
		long score = Math.round(TIME_WEIGHT * time + SKILLS_WEIGHT * skills + PLACE_WEIGHT * (place ? 1 : 0)
				+ ACTIVITY_WEIGHT * (activity ? 1 : 0));
		List<Part> parts = new ArrayList<>();
		parts.add(required.isEmpty() ? new Part(Reason.SKILLS_NONE)
				: new Part(Reason.SKILLS, matchedSkills, required.size()));
		if (!languages.isEmpty()) {
			parts.add(new Part(Reason.LANGUAGES, spoken, languages.size()));
		}
		parts
			.add((profile.hoursPerWeek() <= seeker.hoursPerWeek()) ? new Part(Reason.TIME_WITHIN, seeker.hoursPerWeek())
					: new Part(Reason.TIME_MORE, profile.hoursPerWeek(), seeker.hoursPerWeek()));
		parts.add(new Part(anywhere ? Reason.PLACE_ANY : (place ? Reason.PLACE_YOURS : Reason.PLACE_NOT)));
		parts.add(new Part(activity ? Reason.ACTIVITY_YOURS : Reason.ACTIVITY_NOT));
		return new Fit((int) score, List.copyOf(parts));
	}

	/**
	 * Why, in the API's words (English).
	 */
	String explanation() {
		return explanation((part) -> String.format(Locale.ROOT, part.reason().english, part.numbers().toArray()));
	}

	/**
	 * Why, in the words given for each part, such as a page's language.
	 */
	String explanation(Function<Part, String> words) {
		return this.parts.stream().map(words).collect(Collectors.joining(", "));
	}

	/**
	 * One part of the explanation: a reason and its numbers.
	 *
	 * @param reason what the part says
	 * @param numbers its numbers, in the order of the words
	 */
	record Part(Reason reason, List<Integer> numbers) {

		Part(Reason reason, Integer... numbers) {
			this(reason, List.of(numbers));
		}

	}

	/**
	 * What a part of the explanation says, with its words in the API.
	 */
	enum Reason {

		SKILLS_NONE("needs no particular skills"), SKILLS("matches %d of %d skills"),
		LANGUAGES("speaks %d of %d required languages"), TIME_WITHIN("within your %d h/week"),
		TIME_MORE("needs %d h/week, more than your %d"), PLACE_ANY("at any place"),
		PLACE_YOURS("in one of your places"), PLACE_NOT("not in your places"), ACTIVITY_YOURS("one of your activities"),
		ACTIVITY_NOT("not one of your activities");

		private final String english;

		Reason(String english) {
			this.english = english;
		}

	}

}
