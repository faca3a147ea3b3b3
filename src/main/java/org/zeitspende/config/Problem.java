package org.zeitspende.config;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A feature's problem: an RFC 9457 problem detail with a stable type URI under
 * {@code https://zeitspende.org/problems/}, a title and a detail. Each feature names its
 * problems in a subclass of its own.
 */
public abstract class Problem extends ErrorResponseException {

	protected Problem(HttpStatus status, String slug, String title, String detail) {
		super(status, body(status, ProblemTypes.of(slug), title, detail), null);
	}

	private static ProblemDetail body(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
