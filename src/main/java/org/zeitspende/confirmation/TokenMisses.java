package org.zeitspende.confirmation;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.ratelimit.ClientAddress;
import org.zeitspende.ratelimit.RateLimitKey;
import org.zeitspende.ratelimit.RateLimiter;

/**
 * Counts lookups of tokens that lead nowhere, per client address
 * ({@code ask-token-misses-per-ip}). Only misses count: helpers behind one mobile
 * carrier's address may all tap their links at once, while guessing 128-bit tokens misses
 * every time.
 */
@Component
class TokenMisses {

	static final String LIMIT = "ask-token-misses-per-ip";

	private final RateLimiter limiter;

	TokenMisses(RateLimiter limiter) {
		this.limiter = limiter;
	}

	/**
	 * Counts one miss.
	 * @param exchange the request
	 * @return completes when under the limit; fails with a 429 problem over it. Without
	 * Redis the miss goes uncounted: a guess still finds nothing.
	 */
	Mono<Void> count(ServerWebExchange exchange) {
		return this.limiter.consume(List.of(new RateLimitKey(LIMIT, ClientAddress.of(exchange))))
			.onErrorResume(ErrorResponseException.class,
					(ex) -> (ex.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE) ? Mono.empty() : Mono.error(ex));
	}

}
