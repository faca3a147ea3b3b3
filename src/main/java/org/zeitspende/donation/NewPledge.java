package org.zeitspende.donation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A donor's pledge as the donor makes it. Only the organisation sees name and contact.
 *
 * @param quantity how many units
 * @param name the donor's name
 * @param contact an email address or phone number for the organisation
 */
record NewPledge(@NotNull @Min(1) @Max(100_000) Integer quantity, @NotBlank @Size(max = 200) String name,
		@NotBlank @Size(min = 3, max = 200) String contact) {
}
