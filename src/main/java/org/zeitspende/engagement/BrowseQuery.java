package org.zeitspende.engagement;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The query parameters that filter, order and page requirement profiles for volunteers.
 *
 * @param q words to find in title and description (German stemming)
 * @param place a place code the profile names
 * @param activity the profile's activity code
 * @param maxHoursPerWeek the most hours a week a profile may ask
 * @param organisation the organisation whose profiles to show
 * @param sort the order; each endpoint has its default
 * @param limit the most profiles (default 20)
 * @param offset profiles to skip
 */
record BrowseQuery(@Size(max = 200) String q, @Size(max = 64) String place, @Size(max = 64) String activity,
		@Min(1) @Max(60) Integer maxHoursPerWeek, UUID organisation, BrowseSort sort, @Min(1) @Max(100) Integer limit,
		@Min(0) @Max(RequirementProfiles.BROWSE_WINDOW) Integer offset) {

	BrowseFilter filter() {
		return new BrowseFilter((this.q != null && !this.q.isBlank()) ? this.q : null, this.place, this.activity,
				this.maxHoursPerWeek, this.organisation);
	}

	BrowseSort sortOr(BrowseSort fallback) {
		return (this.sort != null) ? this.sort : fallback;
	}

	int limitOrDefault() {
		return (this.limit != null) ? this.limit : 20;
	}

	int offsetOrDefault() {
		return (this.offset != null) ? this.offset : 0;
	}

}
