package org.zeitspende.ratelimit;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 429 problem detail (type https://zeitspende.org/problems/rate-limited) with a
 * Retry-After header (whole seconds, rounded up) and a property {@code limit} naming
 * which limit was hit.
 */
public class RateLimitExceededException extends ErrorResponseException {

	/** The problem type of every answer over a limit. */
	public static final URI TYPE = URI.create("https://zeitspende.org/problems/rate-limited");

	private final String limit;

	private final Duration retryAfter;

	/**
	 * A refusal because a limit has no token left.
	 * @param limit the name of the limit that was hit
	 * @param retryAfter how long until that limit has a token again
	 */
	public RateLimitExceededException(String limit, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(limit, retryAfter), null);
		this.limit = limit;
		this.retryAfter = retryAfter;
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
	}

	/**
	 * The name of the limit that was hit, as configured under
	 * {@code zeitspende.rate-limits}.
	 * @return the limit's name
	 */
	public String limit() {
		return this.limit;
	}

	/**
	 * How long until the limit has a token again (the header rounds it up to whole
	 * seconds).
	 * @return the time to wait
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	// The limit and the wait, not the whole problem detail, where a log gives the reason.
	@Override
	public String getMessage() {
		return "Rate limit " + this.limit + " exceeded; retry after " + retryAfterSeconds(this.retryAfter) + " s";
	}

	// Thrown for every refused request, so it skips the cost of a stack trace nobody
	// reads.
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	static long retryAfterSeconds(Duration retryAfter) {
		long millis = Math.max(1, retryAfter.toMillis());
		return (millis + 999) / 1000;
	}

	private static ProblemDetail problem(String limit, Duration retryAfter) {
		long seconds = retryAfterSeconds(retryAfter);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many attempts. Try again in " + seconds + ((seconds == 1) ? " second." : " seconds."));
		problem.setType(TYPE);
		problem.setTitle("Too many requests");
		problem.setProperty("limit", limit);
		return problem;
	}

}
