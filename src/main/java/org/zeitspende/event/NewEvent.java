package org.zeitspende.event;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An event as an organisation member creates it.
 *
 * @param title what it is
 * @param description what happens, for whom
 * @param place code of the place, see {@code /api/places}
 * @param location where exactly, e.g. the address
 * @param startsAt when it starts; in the future
 * @param endsAt when it ends; after the start
 * @param capacity how many helpers may register; none: no registration
 */
record NewEvent(@NotBlank @Size(min = 3, max = 200) String title, @Size(max = 5000) String description,
		@NotBlank @Size(max = 64) String place, @Size(max = 300) String location, @NotNull Instant startsAt,
		@NotNull Instant endsAt, @Min(1) @Max(10_000) Integer capacity) {
}
