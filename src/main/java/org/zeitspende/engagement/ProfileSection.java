package org.zeitspende.engagement;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.OrganisationSection;
import org.zeitspende.web.Html;

/**
 * The open requirement profiles on an organisation's page.
 */
@Component
@Order(1)
class ProfileSection implements OrganisationSection {

	private final RequirementProfiles profiles;

	private final CommunityPages pages;

	ProfileSection(RequirementProfiles profiles, CommunityPages pages) {
		this.profiles = profiles;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID organisationId, String language) {
		return this.profiles
			.browse(new BrowseFilter(null, null, null, null, organisationId), null, BrowseSort.NEWEST, 20, 0)
			.map((open) -> {
				StringBuilder html = this.pages.section("profiles", "profiles.open", language);
				if (open.isEmpty()) {
					return html.append("<p>")
						.append(this.pages.escaped("profiles.none", language))
						.append("</p></section>")
						.toString();
				}
				html.append("<ul>");
				for (ScoredProfile found : open) {
					html.append("<li><a href=\"/engagement/")
						.append(found.profile().id())
						.append("\">")
						.append(Html.text(found.profile().title()))
						.append("</a> · ")
						.append(this.pages.escaped("profiles.hours.value", language, found.profile().hoursPerWeek()))
						.append("</li>");
				}
				return html.append("</ul></section>").toString();
			});
	}

}
