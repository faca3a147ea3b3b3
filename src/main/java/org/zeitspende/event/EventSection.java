package org.zeitspende.event;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.OrganisationSection;
import org.zeitspende.web.Html;

/**
 * The upcoming events on an organisation's page, with its calendar feed.
 */
@Component
@Order(2)
class EventSection implements OrganisationSection {

	private final Events events;

	private final CommunityPages pages;

	EventSection(Events events, CommunityPages pages) {
		this.events = events;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID organisationId, String language) {
		return this.events.upcoming(Instant.now(), null, organisationId, 10, 0).map((upcoming) -> {
			StringBuilder html = this.pages.section("events", "events.title", language);
			if (upcoming.isEmpty()) {
				html.append("<p>").append(this.pages.escaped("events.empty", language)).append("</p>");
			}
			else {
				html.append("<ul>");
				for (Event event : upcoming) {
					html.append("<li><a href=\"/events/")
						.append(event.id())
						.append("\">")
						.append(Html.text(event.title()))
						.append("</a> · ")
						.append(Html.text(this.pages.when(event.startsAt(), language)))
						.append("</li>");
				}
				html.append("</ul>");
			}
			return html.append("<p><a href=\"/api/public/organisations/")
				.append(organisationId)
				.append("/events.ics\" type=\"text/calendar\">")
				.append(this.pages.escaped("events.feed", language))
				.append("</a></p></section>")
				.toString();
		});
	}

}
