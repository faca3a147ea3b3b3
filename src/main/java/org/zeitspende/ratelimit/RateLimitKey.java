package org.zeitspende.ratelimit;

import java.util.Objects;

/**
 * One bucket to draw a token from: the configured limit's name and the subject it is
 * counted for (an IP, a number, a prefix, "global").
 *
 * @param limit the name of a limit under {@code zeitspende.rate-limits}
 * @param subject what the limit is counted for; only a hash of it is stored
 */
public record RateLimitKey(String limit, String subject) {

	public RateLimitKey {
		Objects.requireNonNull(limit, "limit");
		Objects.requireNonNull(subject, "subject");
	}

}
