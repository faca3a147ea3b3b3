package org.zeitspende.ratelimit;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Abuse limits for actions that cost money or let strangers reach people: registering,
 * sending verification codes and sign-in links, guessing codes.
 */
public interface RateLimiter {

	/**
	 * Takes one token from every given bucket, atomically: either all buckets have a
	 * token and each loses one, or none changes and the Mono fails with
	 * RateLimitExceededException.
	 * <p>
	 * A bucket named twice counts once. A limit name that is not configured throws
	 * {@link IllegalArgumentException} at once. When Redis cannot be reached the Mono
	 * fails with a 503 problem
	 * ({@code https://zeitspende.org/problems/temporarily-unavailable},
	 * {@code Retry-After: 5}): without a count nothing is let through.
	 * @param keys the buckets to draw from
	 * @return completes when every bucket gave a token
	 */
	Mono<Void> consume(List<RateLimitKey> keys);

}
