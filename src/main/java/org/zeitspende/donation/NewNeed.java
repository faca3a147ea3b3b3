package org.zeitspende.donation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A donation need as an organisation member writes it.
 *
 * @param item what is needed, e.g. "Winterjacken"
 * @param category the kind of item
 * @param unit what the quantity counts, e.g. "Stück" (the default) or "kg"
 * @param notes sizes and other details
 * @param place code of the place where donations go, see {@code /api/places}
 * @param urgency how soon (default {@code NORMAL})
 * @param quantityNeeded how many units
 */
record NewNeed(@NotBlank @Size(min = 2, max = 200) String item, @NotNull Category category,
		@Size(min = 1, max = 30) String unit, @Size(max = 500) String notes, @NotBlank @Size(max = 64) String place,
		Urgency urgency, @NotNull @Min(1) @Max(100_000) Integer quantityNeeded) {
}
