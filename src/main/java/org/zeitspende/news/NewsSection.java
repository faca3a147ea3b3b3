package org.zeitspende.news;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.OrganisationSection;
import org.zeitspende.web.Html;

/**
 * The latest news on an organisation's page, with its Atom feed.
 */
@Component
@Order(3)
class NewsSection implements OrganisationSection {

	private static final int SHOWN = 5;

	private final News news;

	private final CommunityPages pages;

	NewsSection(News news, CommunityPages pages) {
		this.news = news;
		this.pages = pages;
	}

	@Override
	public Mono<String> html(UUID organisationId, String language) {
		return this.news.latest(Instant.now(), organisationId).map((posts) -> {
			StringBuilder html = this.pages.section("news", "news.title", language);
			if (posts.isEmpty()) {
				html.append("<p>").append(this.pages.escaped("news.empty", language)).append("</p>");
			}
			else {
				html.append("<ul>");
				posts.stream()
					.limit(SHOWN)
					.forEach((post) -> html.append("<li><a href=\"/news/")
						.append(post.id())
						.append("\">")
						.append(Html.text(post.title()))
						.append("</a> · ")
						.append(Html.text(this.pages.when(post.publishedAt(), language)))
						.append("</li>"));
				html.append("</ul>");
			}
			return html.append("<p><a href=\"/api/public/organisations/")
				.append(organisationId)
				.append("/news.atom\" type=\"application/atom+xml\">")
				.append(this.pages.escaped("news.feed.organisation", language))
				.append("</a></p></section>")
				.toString();
		});
	}

}
