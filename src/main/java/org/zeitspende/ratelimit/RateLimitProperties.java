package org.zeitspende.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The named limits under {@code zeitspende.rate-limits}: each a bucket of
 * {@code capacity} tokens that refills continuously, the whole capacity per
 * {@code period}. A limit that cannot work (no token, no refill) stops the start.
 */
@ConfigurationProperties("zeitspende.rate-limits")
class RateLimitProperties extends LinkedHashMap<String, RateLimitProperties.Limit> {

	private static final long serialVersionUID = 1L;

	/**
	 * One limit.
	 *
	 * @param capacity how many tokens the bucket holds (the burst), at least 1
	 * @param period how long an empty bucket takes to fill again, at least 1ms
	 */
	record Limit(int capacity, Duration period) {

		Limit {
			if (capacity < 1) {
				throw new IllegalArgumentException("capacity must be at least 1, but is " + capacity);
			}
			if (period == null || period.toMillis() < 1) {
				throw new IllegalArgumentException("period must be at least 1ms, but is " + period);
			}
		}

		long periodMillis() {
			return this.period.toMillis();
		}

	}

}
