package org.zeitspende.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An approved organisation as anyone sees it, with links to what it publishes.
 *
 * @param id its id
 * @param slug its short name
 * @param name its name
 * @param description what it does
 * @param contactEmail where to reach it
 * @param website its website, or {@code null}
 * @param logoUrl the https address of its logo, or {@code null}
 * @param places the codes of the places it works in
 * @param links where its requirement profiles, events, news and donation needs are, as
 * JSON and as feeds
 */
record PublicOrganisation(UUID id, String slug, String name, String description, String contactEmail, String website,
		String logoUrl, List<String> places, Map<String, String> links) {

	static PublicOrganisation of(Organisation organisation) {
		UUID id = organisation.id();
		return new PublicOrganisation(id, organisation.slug(), organisation.name(), organisation.description(),
				organisation.contactEmail(), organisation.website(), organisation.logoUrl(), organisation.places(),
				Map.of("requirementProfiles", "/api/public/requirement-profiles?organisation=" + id, "events",
						"/api/public/events?organisation=" + id, "eventsCalendar",
						"/api/public/organisations/" + id + "/events.ics", "news",
						"/api/public/news?organisation=" + id, "newsFeed",
						"/api/public/organisations/" + id + "/news.atom", "donationNeeds",
						"/api/public/donation-needs?organisation=" + id));
	}

}
