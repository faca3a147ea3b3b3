package org.zeitspende.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A requirement profile as stored. Its fields are those of {@link NewRequirementProfile},
 * plus its organisation, status and times.
 */
record RequirementProfile(UUID id, UUID organisationId, String title, String description, String activity,
		List<String> places, List<String> requiredSkills, List<String> niceToHaveSkills, List<String> requiredLanguages,
		List<String> languages, int hoursPerWeek, Commitment commitment, Integer durationMonths,
		boolean criminalRecordCertificate, Integer minimumAge, String preconditions, LocalDate startsOn,
		int volunteersSought, ProfileStatus status, Instant createdAt, Instant updatedAt) {
}
