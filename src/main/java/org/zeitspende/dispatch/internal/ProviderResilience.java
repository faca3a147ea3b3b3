package org.zeitspende.dispatch.internal;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.stereotype.Component;

/**
 * Builds a provider's {@link ProviderCalls} from the Resilience4j instances of the same
 * name in application.yml ({@code twilio}, {@code smtp}).
 */
@Component
public class ProviderResilience {

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final TimeLimiterRegistry timeLimiters;

	private final RateLimiterRegistry rateLimiters;

	private final RetryRegistry retries;

	public ProviderResilience(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, RateLimiterRegistry rateLimiters, RetryRegistry retries) {
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.timeLimiters = timeLimiters;
		this.rateLimiters = rateLimiters;
		this.retries = retries;
	}

	/**
	 * The operator stack for one provider. The caller owns it and disposes it; one per
	 * provider, as the free calls it counts are its own while the bulkhead is shared.
	 * @param provider the name of the Resilience4j instances
	 * @return a new stack with its own scheduler
	 */
	public ProviderCalls callsFor(String provider) {
		return new ProviderCalls(provider, this.timeLimiters.timeLimiter(provider),
				this.circuitBreakers.circuitBreaker(provider), this.bulkheads.bulkhead(provider),
				this.rateLimiters.rateLimiter(provider), this.retries.retry(provider));
	}

}
