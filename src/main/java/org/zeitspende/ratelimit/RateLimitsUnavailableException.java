package org.zeitspende.ratelimit;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 problem detail for when the limits cannot be counted because Redis is out of reach.
 * The guarded actions send SMS and email or let codes be guessed, so they wait rather
 * than run unlimited.
 */
class RateLimitsUnavailableException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://zeitspende.org/problems/temporarily-unavailable");

	static final long RETRY_AFTER_SECONDS = 5;

	RateLimitsUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"This is not possible right now. Try again in a few seconds.");
		problem.setType(TYPE);
		problem.setTitle("Temporarily unavailable");
		return problem;
	}

}
