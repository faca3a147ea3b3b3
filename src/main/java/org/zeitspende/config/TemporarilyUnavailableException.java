package org.zeitspende.config;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 with {@code Retry-After}: something the request needs (PostgreSQL, Redis) is out of
 * reach for a moment, and the client should try again rather than report a bug.
 */
public class TemporarilyUnavailableException extends ErrorResponseException {

	/** Seconds a client waits before it tries again. */
	public static final long RETRY_AFTER_SECONDS = 5;

	/**
	 * @param detail what the client reads: what did not happen and that it may retry
	 * @param cause what failed
	 */
	public TemporarilyUnavailableException(String detail, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setType(ProblemTypes.TEMPORARILY_UNAVAILABLE);
		problem.setTitle("Temporarily unavailable");
		return problem;
	}

}
