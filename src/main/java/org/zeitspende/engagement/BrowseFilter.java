package org.zeitspende.engagement;

import java.util.UUID;

/**
 * What narrows the requirement profiles volunteers browse; {@code null} fields do not
 * filter.
 *
 * @param text words to find in title and description (German stemming, web search syntax:
 * quotes, {@code or}, {@code -word})
 * @param place a place code the profile names
 * @param activity the profile's activity code
 * @param maxHoursPerWeek the most hours a week the profile may ask
 * @param organisationId the organisation whose profiles to show
 */
record BrowseFilter(String text, String place, String activity, Integer maxHoursPerWeek, UUID organisationId) {
}
