package org.zeitspende.engagement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A requirement profile as an organisation member writes it, to create one or to replace
 * one's contents.
 *
 * @param title what the engagement is, in a few words
 * @param description what volunteers do, for whom and where
 * @param activity code of the activity, see {@code /api/activities}
 * @param places codes of the places, see {@code /api/places}; none means anywhere
 * @param requiredSkills skills every volunteer needs, e.g. {@code fuehrerschein}
 * @param niceToHaveSkills skills that help
 * @param requiredLanguages languages every volunteer needs (codes of
 * {@code /api/languages})
 * @param languages languages that help
 * @param hoursPerWeek the time asked for each week
 * @param commitment regular work or a single stint
 * @param durationMonths for how long, if known
 * @param criminalRecordCertificate whether an extended criminal record certificate is
 * needed (work with children)
 * @param minimumAge the minimum age, if any
 * @param preconditions anything else a volunteer must bring
 * @param startsOn when it starts, if known
 * @param volunteersSought how many volunteers are sought
 */
record NewRequirementProfile(@NotBlank @Size(min = 3, max = 200) String title, @Size(max = 5000) String description,
		@NotBlank @Size(max = 64) String activity, @Size(max = 50) List<@NotBlank @Size(max = 64) String> places,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> requiredSkills,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> niceToHaveSkills,
		@Size(max = 10) List<@NotBlank @Size(max = 2) String> requiredLanguages,
		@Size(max = 10) List<@NotBlank @Size(max = 2) String> languages, @NotNull @Min(1) @Max(60) Integer hoursPerWeek,
		@NotNull Commitment commitment, @Min(1) @Max(120) Integer durationMonths, Boolean criminalRecordCertificate,
		@Min(14) @Max(99) Integer minimumAge, @Size(max = 1000) String preconditions, LocalDate startsOn,
		@NotNull @Min(1) @Max(500) Integer volunteersSought) {
}
