package org.zeitspende.news;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.security.OrganisationStandings;
import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * News posts: organisations write and delete them, anyone reads the published posts of
 * approved organisations. The body is rendered and sanitised once, when it is written.
 */
@Service
class News {

	/** The most posts a list or a feed holds. */
	static final int LATEST = 50;

	private final NewsRepository posts;

	private final SafeHtml safeHtml;

	private final OrganisationStandings standings;

	News(NewsRepository posts, SafeHtml safeHtml, OrganisationStandings standings) {
		this.posts = posts;
		this.safeHtml = safeHtml;
		this.standings = standings;
	}

	Mono<NewsPost> create(UUID organisationId, UUID memberId, NewNewsPost post, Instant now) {
		Instant publishAt = (post.publishAt() != null) ? post.publishAt() : now;
		return this.posts
			.insert(organisationId, memberId, post.title().strip(), post.body(),
					this.safeHtml.fromMarkdown(post.body()), publishAt)
			.flatMap((id) -> existing(organisationId, id));
	}

	/**
	 * Replaces title and body; without {@code publishAt} the post keeps its publication
	 * time.
	 */
	Mono<NewsPost> replace(UUID organisationId, UUID id, NewNewsPost post) {
		return this.posts
			.update(organisationId, id, post.title().strip(), post.body(), this.safeHtml.fromMarkdown(post.body()),
					post.publishAt())
			.then(existing(organisationId, id));
	}

	Mono<List<NewsPost>> list(UUID organisationId) {
		return this.posts.findByOrganisation(organisationId).collectList();
	}

	Mono<NewsPost> existing(UUID organisationId, UUID id) {
		return this.posts.find(organisationId, id).switchIfEmpty(Mono.error(NewsProblem::notFound));
	}

	Mono<Void> delete(UUID organisationId, UUID id) {
		return this.posts.delete(organisationId, id)
			.filter((deleted) -> deleted > 0)
			.switchIfEmpty(Mono.error(NewsProblem::notFound))
			.then();
	}

	Mono<NewsPost> published(UUID id, Instant now) {
		return this.posts.findPublished(id, now)
			.filterWhen((post) -> approved(post.organisationId()))
			.switchIfEmpty(Mono.error(NewsProblem::notFound));
	}

	/**
	 * The latest published posts of approved organisations, newest first.
	 * @param organisationId one organisation, or {@code null} for all
	 */
	Mono<List<NewsPost>> latest(Instant now, UUID organisationId) {
		return this.posts.findPublished(now, organisationId, LATEST)
			.filterWhen((post) -> approved(post.organisationId()))
			.collectList();
	}

	Mono<Boolean> approved(UUID organisationId) {
		return this.standings.standingOf(organisationId).map(Standing.APPROVED::equals).defaultIfEmpty(false);
	}

}
