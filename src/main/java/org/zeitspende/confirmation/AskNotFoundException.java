package org.zeitspende.confirmation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404 with one generic body for every token that leads nowhere: unknown, or its callout
 * ended. It says nothing about whether the token ever existed.
 */
class AskNotFoundException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://zeitspende.org/problems/ask-not-found");

	AskNotFoundException() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	// Thrown for every guess, so it skips the cost of a stack trace nobody reads.
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"This link is unknown or no longer valid.");
		problem.setType(TYPE);
		problem.setTitle("Not found");
		return problem;
	}

}
