package org.zeitspende.helper;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A link token that is unknown, used up or expired. Says nothing about which, so that
 * nobody learns whether a token ever existed.
 */
class InvalidTokenException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://zeitspende.org/problems/invalid-token");

	InvalidTokenException() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"This link or code is not valid (any more). Ask for a new one.");
		problem.setType(TYPE);
		problem.setTitle("Invalid or expired link");
		return problem;
	}

}
