package org.zeitspende.news;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * News posts of the caller's organisation, for its coordinators and admins.
 */
@RestController
@RequestMapping("/api/news")
@Tag(name = "News", description = "Your organisation's news posts")
class NewsController {

	private final News news;

	NewsController(News news) {
		this.news = news;
	}

	@PostMapping
	@Operation(summary = "Write a news post", description = "The body is Markdown; it is rendered to sanitised HTML.")
	Mono<ResponseEntity<NewsPost>> create(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody NewNewsPost post) {
		return this.news.create(organisationOf(caller), caller.subject(), post, Instant.now())
			.map((created) -> ResponseEntity.created(URI.create("/api/news/" + created.id())).body(created));
	}

	@GetMapping
	@Operation(summary = "Your organisation's posts, newest first, also those not yet published")
	Mono<List<NewsPost>> list(@AuthenticationPrincipal Caller caller) {
		return this.news.list(organisationOf(caller));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One post")
	Mono<NewsPost> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.news.existing(organisationOf(caller), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a post's title and body",
			description = "Without publishAt the post keeps its publication time.")
	Mono<NewsPost> replace(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody NewNewsPost post) {
		return this.news.replace(organisationOf(caller), id, post);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a post")
	Mono<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.news.delete(organisationOf(caller), id);
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(NewsProblem::notFound);
	}

}
