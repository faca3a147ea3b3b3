package org.zeitspende.news;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of news posts, each with a stable type URI.
 */
final class NewsProblem extends ErrorResponseException {

	private NewsProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, URI.create("https://zeitspende.org/problems/" + slug), title, detail), null);
	}

	static NewsProblem notFound() {
		return new NewsProblem(HttpStatus.NOT_FOUND, "news-post-not-found", "News post not found",
				"There is no such news post.");
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
