package org.zeitspende.message;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.helper.HelperPageSection;
import org.zeitspende.web.Html;

/**
 * The helper's latest threads with organisations on the helper's own page, with the way
 * to all of them.
 */
@Component
@Order(3)
class MyMessagesSection implements HelperPageSection {

	private static final int SHOWN = 3;

	private final Messages messages;

	private final CommunityPages pages;

	MyMessagesSection(Messages messages, CommunityPages pages) {
		this.messages = messages;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID helperId, String language) {
		return this.messages.threadsOfHelper(helperId, SHOWN, 0).map((threads) -> {
			StringBuilder html = this.pages.section("my-messages", "threads.title", language);
			if (threads.isEmpty()) {
				html.append("<p>").append(this.pages.escaped("threads.empty", language)).append("</p>");
			}
			else {
				html.append("<ul>");
				threads.forEach((thread) -> html.append("<li><a href=\"")
					.append(HelperMessagePages.HOME)
					.append('/')
					.append(thread.id())
					.append("\">")
					.append(Html.text(thread.subject()))
					.append("</a> · ")
					.append(Html.text(this.pages.when(thread.lastMessageAt(), language)))
					.append("</li>"));
				html.append("</ul>");
			}
			return html.append("<p><a href=\"")
				.append(HelperMessagePages.HOME)
				.append("\">")
				.append(this.pages.escaped("threads.all", language))
				.append("</a></p></section>")
				.toString();
		});
	}

}
