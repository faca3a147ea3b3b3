package org.zeitspende.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * A requirement profile after every check, with defaults filled in and lists normalised.
 */
record ValidRequirementProfile(String title, String description, String activity, List<String> places,
		List<String> requiredSkills, List<String> niceToHaveSkills, List<String> requiredLanguages,
		List<String> languages, int hoursPerWeek, Commitment commitment, Integer durationMonths,
		boolean criminalRecordCertificate, Integer minimumAge, String preconditions, LocalDate startsOn,
		int volunteersSought) {
}
