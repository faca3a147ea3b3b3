package org.zeitspende.donation;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.OrganisationSection;
import org.zeitspende.web.Html;

/**
 * The open donation needs on an organisation's page.
 */
@Component
@Order(4)
class NeedSection implements OrganisationSection {

	private final Needs needs;

	private final CommunityPages pages;

	NeedSection(Needs needs, CommunityPages pages) {
		this.needs = needs;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID organisationId, String language) {
		return this.needs.open(null, null, organisationId, 20, 0).map((open) -> {
			StringBuilder html = this.pages.section("needs", "needs.title", language);
			if (open.isEmpty()) {
				html.append("<p>").append(this.pages.escaped("needs.empty", language)).append("</p>");
			}
			for (Need need : open) {
				html.append("<h3><a href=\"/donations/")
					.append(need.id())
					.append("\">")
					.append(Html.text(need.item()))
					.append("</a></h3>")
					.append(stillNeeded(need, this.pages, language));
			}
			return html.append("</section>").toString();
		});
	}

	/**
	 * How much of a need is pledged, as a bar and in words.
	 */
	static String stillNeeded(Need need, CommunityPages pages, String language) {
		String label = pages.escaped("needs.still", language, need.quantityNeeded() - need.quantityPledged(),
				need.quantityNeeded(), need.unit());
		return "<p><progress max=\"" + need.quantityNeeded() + "\" value=\"" + need.quantityPledged()
				+ "\" aria-hidden=\"true\"></progress> " + label + "</p>";
	}

}
