package org.zeitspende.news;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.config.InvalidField;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * The console's news: the organisation's posts, also those not yet published, a form to
 * write one in Markdown, and deleting. Another organisation's post is not found.
 */
@RestController
class NewsConsolePages {

	private static final String HOME = "/console/news";

	private final News news;

	private final CommunityPages pages;

	NewsConsolePages(News news, CommunityPages pages) {
		this.news = news;
		this.pages = pages;
	}

	@GetMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		String title = this.pages.text("community.console.news", language);
		return Mono
			.zip(this.news.list(organisationOf(caller)), Csrf.field(exchange),
					this.pages.consolePage(language, title, exchange))
			.map((loaded) -> loaded.getT3().render(listHtml(loaded.getT1(), loaded.getT2(), language)));
	}

	@GetMapping(path = HOME + "/new", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(Entered.NOTHING, Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewNewsPost post = new NewNewsPost(entered.value("title"), entered.value("body"),
					entered.instant("publishAt"));
			List<InvalidField> invalid = new ArrayList<>(this.pages.check(post));
			if (!entered.value("publishAt").isEmpty() && post.publishAt() == null) {
				invalid.add(new InvalidField("publishAt", "is not a time"));
			}
			if (!invalid.isEmpty()) {
				return form(entered, this.pages.errors(invalid, "console.news", language), HttpStatus.BAD_REQUEST,
						exchange);
			}
			return this.news.create(organisationOf(caller), caller.subject(), post, Instant.now())
				.thenReturn(CommunityPages.seeOther(HOME));
		});
	}

	@PostMapping(HOME + "/{id}/delete")
	Mono<ResponseEntity<String>> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return this.news.delete(organisationOf(caller), id)
			.thenReturn(CommunityPages.seeOther(HOME))
			.onErrorResume(NewsProblem.class,
					(problem) -> this.pages.problem(problem, PageLanguage.of(exchange), exchange, true));
	}

	private Mono<ResponseEntity<String>> form(Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.pages.consoleForm(HOME, "console.news", entered, errors, status, exchange,
				(form, names) -> form.input("title", "type=\"text\" maxlength=\"200\"")
					.raw("<p class=\"hint\">" + this.pages.escaped("console.news.markdown", language) + "</p>")
					.textarea("body")
					.input("publishAt", "type=\"datetime-local\""));
	}

	private String listHtml(List<NewsPost> posts, String csrf, String language) {
		return this.pages.consoleList(HOME, "community.console.news", "console.news", List.of("title", "publishAt", ""),
				posts.stream().map((post) -> row(post, csrf, language)).toList(), language);
	}

	private String row(NewsPost post, String csrf, String language) {
		return "<td><a href=\"/news/" + post.id() + "\">" + Html.text(post.title()) + "</a></td><td>"
				+ Html.text(this.pages.when(post.publishedAt(), language)) + "</td><td>" + CommunityPages
					.button(HOME + "/" + post.id() + "/delete", csrf, this.pages.text("console.news.delete", language))
				+ "</td>";
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(NewsProblem::notFound);
	}

}
