package org.zeitspende.helper;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.zeitspende.dispatch.Channel;

/**
 * The part of a profile a helper chooses freely: where, what, how much and how. Contact
 * data and consent have their own steps. Left out, the preferred channel is the first one
 * given, the message language German and the ask budget two a week.
 */
record HelperPreferences(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> places,
		@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 64) String> activities,
		@Size(max = 20) List<@NotBlank @Size(max = 2) String> languages,
		@Size(max = 30) List<@NotBlank @Size(max = 40) String> skills, @NotNull @Min(0) @Max(60) Integer hoursPerWeek,
		@NotNull Commitment commitment, Channel preferredChannel,
		@Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String messageLanguage,
		@Min(0) @Max(21) Integer maxAsksPerWeek, @Valid HelperRegistration.QuietHours quietHours,
		@Size(max = 64) String timeZone) {
}
