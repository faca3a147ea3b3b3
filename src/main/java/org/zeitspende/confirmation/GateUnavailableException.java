package org.zeitspende.confirmation;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 with {@code Retry-After}: PostgreSQL did not store the answer, so nothing was
 * confirmed and the helper may try again.
 */
class GateUnavailableException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://zeitspende.org/problems/temporarily-unavailable");

	static final long RETRY_AFTER_SECONDS = 5;

	GateUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Your answer could not be stored. Nothing changed; try again in a few seconds.");
		problem.setType(TYPE);
		problem.setTitle("Temporarily unavailable");
		return problem;
	}

}
