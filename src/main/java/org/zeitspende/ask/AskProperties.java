package org.zeitspende.ask;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How the relay sends asks.
 *
 * @param pollInterval pause between two polls of the outbox
 * @param batchSize most asks claimed at once; a poll claims batch after batch while they
 * come full
 * @param concurrency most asks sent at once by one relay
 * @param sendingLease how long an ask may stay claimed before it counts as abandoned
 * @param retryBackoff wait before the first retry of an ask that provably was not sent;
 * doubles with each further attempt
 * @param maxRetryBackoff the longest wait between retries
 * @param unreachableRetryDelay wait before the one more SMS to a handset that was out of
 * reach (Twilio 30003); the next time the ask goes by email
 * @param publicBaseUrl where the links in messages point
 */
@ConfigurationProperties("zeitspende.asks")
record AskProperties(Duration pollInterval, int batchSize, int concurrency, Duration sendingLease,
		Duration retryBackoff, Duration maxRetryBackoff, Duration unreachableRetryDelay, String publicBaseUrl) {

	AskProperties {
		Assert.isTrue(batchSize >= 1, "zeitspende.asks.batch-size must be at least 1");
		Assert.isTrue(concurrency >= 1, "zeitspende.asks.concurrency must be at least 1");
		Assert.isTrue(sendingLease != null && !sendingLease.isNegative() && !sendingLease.isZero(),
				"zeitspende.asks.sending-lease must be positive");
		Assert.isTrue(retryBackoff != null && !retryBackoff.isNegative() && !retryBackoff.isZero(),
				"zeitspende.asks.retry-backoff must be positive");
		Assert.isTrue(unreachableRetryDelay != null && !unreachableRetryDelay.isNegative(),
				"zeitspende.asks.unreachable-retry-delay must not be negative");
		Assert.hasText(publicBaseUrl, "zeitspende.asks.public-base-url must be set");
	}

	/**
	 * The wait before the next attempt of an ask that was tried this often.
	 * @param attempts attempts so far, at least 1
	 * @return the wait
	 */
	Duration backoff(int attempts) {
		Duration wait = this.retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
		return (wait.compareTo(this.maxRetryBackoff) > 0) ? this.maxRetryBackoff : wait;
	}

}
