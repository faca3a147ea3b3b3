package org.zeitspende.news;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.organisation.OrganisationNames;

/**
 * Published news of approved organisations, as JSON and as Atom feeds.
 */
@RestController
@Tag(name = "News for everyone", description = "Published news posts and their Atom feeds")
class PublicNewsController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final News news;

	private final AtomFeeds feeds;

	private final OrganisationNames names;

	PublicNewsController(News news, AtomFeeds feeds, OrganisationNames names) {
		this.news = news;
		this.feeds = feeds;
		this.names = names;
	}

	@GetMapping("/api/public/news")
	@Operation(summary = "The latest 50 published posts, newest first; ?organisation= for one organisation's")
	Mono<List<NewsPost>> latest(@RequestParam(required = false) UUID organisation) {
		return this.news.latest(Instant.now(), organisation);
	}

	@GetMapping("/api/public/news/{id}")
	@Operation(summary = "One published post")
	Mono<NewsPost> get(@PathVariable UUID id) {
		return this.news.published(id, Instant.now());
	}

	@GetMapping("/api/public/news.atom")
	@Operation(summary = "The latest 50 posts of all organisations as an Atom feed")
	Mono<ResponseEntity<String>> feed() {
		return feed("Zeitspende: Neuigkeiten", "/api/public/news.atom", null);
	}

	@GetMapping("/api/public/organisations/{organisation}/news.atom")
	@Operation(summary = "The latest 50 posts of one organisation as an Atom feed")
	Mono<ResponseEntity<String>> organisationFeed(@PathVariable UUID organisation) {
		return this.news.approved(organisation)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(NewsProblem::notFound))
			.then(this.names.of(List.of(organisation)))
			.flatMap((names) -> feed(names.get(organisation),
					"/api/public/organisations/" + organisation + "/news.atom", organisation));
	}

	private Mono<ResponseEntity<String>> feed(String title, String path, UUID organisation) {
		return this.news.latest(Instant.now(), organisation)
			.flatMap((posts) -> this.names.of(posts.stream().map(NewsPost::organisationId).distinct().toList())
				.map((authors) -> this.feeds.feed(title, path, posts, authors)))
			.map((xml) -> ResponseEntity.ok().contentType(ATOM).body(xml));
	}

}
