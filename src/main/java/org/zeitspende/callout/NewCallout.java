package org.zeitspende.callout;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A callout as a coordinator creates it.
 *
 * @param activity code of the activity, see {@code /api/activities}
 * @param place code of the place, see {@code /api/places}
 * @param startsAt when the help starts; in the future
 * @param endsAt when it ends; after the start
 * @param needed how many helpers are needed
 * @param languages languages every helper must speak (codes of {@code /api/languages})
 * @param skills skills every helper must have, e.g. {@code fuehrerschein}
 * @param details what the help is about
 * @param meetingPoint where to meet
 * @param contactHint whom to ask on site
 * @param notifyWhenFilled whether asked helpers hear that nobody else is needed once it
 * is filled (default yes)
 */
record NewCallout(@NotBlank @Size(max = 64) String activity, @NotBlank @Size(max = 64) String place,
		@NotNull Instant startsAt, @NotNull Instant endsAt, @NotNull @Min(1) @Max(500) Integer needed,
		@Size(max = 10) List<@NotBlank @Size(max = 2) String> languages,
		@Size(max = 10) List<@NotBlank @Size(max = 40) String> skills, @Size(max = 2000) String details,
		@Size(max = 500) String meetingPoint, @Size(max = 200) String contactHint, Boolean notifyWhenFilled) {
}
