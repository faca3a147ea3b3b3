package org.zeitspende.news;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of news posts, each with a stable type URI.
 */
final class NewsProblem extends Problem {

	private NewsProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static NewsProblem notFound() {
		return new NewsProblem(HttpStatus.NOT_FOUND, "news-post-not-found", "News post not found",
				"There is no such news post.");
	}

}
