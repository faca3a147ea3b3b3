package org.zeitspende.helper;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.zeitspende.dispatch.Channel;

/**
 * What a helper sends to register. Only contact data, preferences and consent: no name,
 * birth date or nationality.
 *
 * @param email email address; at least one of email and mobile
 * @param mobile mobile number, with or without country code
 * @param places codes of the places where the helper would help
 * @param activities codes of the activities the helper would do
 * @param languages ISO 639-1 codes of the languages the helper speaks
 * @param skills free tags such as "fuehrerschein"
 * @param hoursPerWeek time budget
 * @param commitment one-off callouts, regular engagement or both
 * @param preferredChannel how the helper wants to be asked first
 * @param messageLanguage language of the messages the helper gets
 * @param maxAsksPerWeek the helper's own ask budget
 * @param quietHours when the helper must not get SMS
 * @param timeZone the helper's time zone for quiet hours
 * @param consents purposes the helper agrees to be contacted for; must include CALLOUTS
 * @param consentTextVersion the version of the consent text the helper was shown
 */
record HelperRegistration(@Email @Size(max = 254) String email, @Size(max = 32) String mobile,
		@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> places,
		@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 64) String> activities,
		@Size(max = 20) List<@NotBlank @Size(max = 2) String> languages,
		@Size(max = 30) List<@NotBlank @Size(max = 40) String> skills, @NotNull @Min(0) @Max(60) Integer hoursPerWeek,
		@NotNull Commitment commitment, Channel preferredChannel,
		@Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String messageLanguage,
		@Min(0) @Max(21) Integer maxAsksPerWeek, @Valid QuietHours quietHours, @Size(max = 64) String timeZone,
		@NotEmpty Set<ConsentPurpose> consents, @NotBlank @Size(max = 32) String consentTextVersion) {

	HelperPreferences preferences() {
		return new HelperPreferences(this.places, this.activities, this.languages, this.skills, this.hoursPerWeek,
				this.commitment, this.preferredChannel, this.messageLanguage, this.maxAsksPerWeek, this.quietHours,
				this.timeZone);
	}

	/**
	 * Local times between which the helper gets no SMS, e.g. 22:00 to 07:00.
	 *
	 * @param from start, "HH:mm"
	 * @param until end, "HH:mm"; may be earlier than start (over midnight)
	 */
	record QuietHours(@NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String from,
			@NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String until) {
	}

}
