package org.zeitspende.news;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.organisation.OrganisationNames;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * News for everyone: the latest posts of all organisations, and one post with its body as
 * stored, rendered and sanitised when it was written.
 */
@RestController
class NewsPages {

	private final News news;

	private final OrganisationNames organisations;

	private final CommunityPages pages;

	NewsPages(News news, OrganisationNames organisations, CommunityPages pages) {
		this.news = news;
		this.organisations = organisations;
		this.pages = pages;
	}

	@GetMapping(path = "/news", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.news.latest(Instant.now(), null)
			.flatMap((posts) -> namesOf(posts)
				.map((names) -> this.pages.page(language, this.pages.text("news.title", language))
					.render(listHtml(posts, names, language))));
	}

	@GetMapping(path = "/news/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(@PathVariable UUID id, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.news.published(id, Instant.now())
			.flatMap((post) -> namesOf(List.of(post)).map((names) -> this.pages.page(language, post.title())
				.render("<article><h1>" + Html.text(post.title()) + "</h1><p class=\"hint\">"
						+ byline(post, names, language) + "</p>" + post.html()
						+ "</article><p><a href=\"/organisations/" + post.organisationId() + "\">"
						+ this.pages.escaped("news.organisation.more", language) + "</a></p>")))
			.onErrorResume(NewsProblem.class, (problem) -> this.pages.problem(problem, language, exchange, false));
	}

	private String listHtml(List<NewsPost> posts, Map<UUID, String> names, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(this.pages.escaped("news.title", language))
			.append("</h1><p><a href=\"/api/public/news.atom\" type=\"application/atom+xml\">")
			.append(this.pages.escaped("news.feed", language))
			.append("</a></p>");
		if (posts.isEmpty()) {
			return html.append("<p>").append(this.pages.escaped("news.empty", language)).append("</p>").toString();
		}
		html.append("<ul class=\"cards\">");
		for (NewsPost post : posts) {
			html.append("<li><h2><a href=\"/news/")
				.append(post.id())
				.append("\">")
				.append(Html.text(post.title()))
				.append("</a></h2><p class=\"hint\">")
				.append(byline(post, names, language))
				.append("</p></li>");
		}
		return html.append("</ul>").toString();
	}

	private String byline(NewsPost post, Map<UUID, String> names, String language) {
		return Html.text(names.getOrDefault(post.organisationId(), "")) + " · "
				+ Html.text(this.pages.when(post.publishedAt(), language));
	}

	private Mono<Map<UUID, String>> namesOf(List<NewsPost> posts) {
		return this.organisations.of(posts.stream().map(NewsPost::organisationId).distinct().toList());
	}

}
