package org.zeitspende.engagement;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.reference.Skills;

/**
 * What an anonymous visitor looks for, as query parameters: with {@code hoursPerWeek}
 * each profile gets a fit score.
 *
 * @param hoursPerWeek the time the visitor can give each week
 * @param places codes of the visitor's places
 * @param activities codes of the visitor's activities
 * @param skills the visitor's skills, normalised like a helper's
 * @param languages codes of the languages the visitor speaks
 */
record SeekerQuery(@Min(0) @Max(60) Integer hoursPerWeek, @Size(max = 50) List<@Size(max = 64) String> places,
		@Size(max = 30) List<@Size(max = 64) String> activities, @Size(max = 30) List<@Size(max = 40) String> skills,
		@Size(max = 10) List<@Size(max = 2) String> languages) {

	/**
	 * The seeker, or {@code null} without {@code hoursPerWeek}.
	 */
	Seeker seeker() {
		if (this.hoursPerWeek == null) {
			return null;
		}
		List<InvalidField> errors = new ArrayList<>();
		List<String> normalised = Skills.normalise(nonBlank(this.skills), "skills", errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new Seeker(this.hoursPerWeek, nonBlank(this.places), nonBlank(this.activities), normalised,
				nonBlank(this.languages));
	}

	private static List<String> nonBlank(List<String> values) {
		return (values != null) ? values.stream().filter((value) -> !value.isBlank()).toList() : List.of();
	}

}
