package org.zeitspende.event;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.helper.HelperPageSection;
import org.zeitspende.web.Html;

/**
 * The upcoming events the helper registered for, on the helper's own page.
 */
@Component
@Order(2)
class MyRegistrationsSection implements HelperPageSection {

	private final Events events;

	private final CommunityPages pages;

	MyRegistrationsSection(Events events, CommunityPages pages) {
		this.events = events;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID helperId, String language) {
		return this.events.registeredFor(helperId, Instant.now()).map((registered) -> {
			StringBuilder html = this.pages.section("my-registrations", "events.mine", language);
			if (registered.isEmpty()) {
				return html.append("<p>")
					.append(this.pages.escaped("events.mine.none", language))
					.append(" <a href=\"/events\">")
					.append(this.pages.escaped("events.mine.browse", language))
					.append("</a></p></section>")
					.toString();
			}
			html.append("<ul>");
			for (Event event : registered) {
				html.append("<li><a href=\"/events/")
					.append(event.id())
					.append("\">")
					.append(Html.text(event.title()))
					.append("</a> · ")
					.append(Html.text(this.pages.when(event.startsAt(), language)));
				if (event.status() == EventStatus.CANCELLED) {
					html.append(" · ").append(this.pages.escaped("events.cancelled", language));
				}
				html.append("</li>");
			}
			return html.append("</ul></section>").toString();
		});
	}

}
