package org.zeitspende.confirmation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How confirmations behave.
 *
 * @param withdrawUntil how long before the start a confirmed helper may still withdraw
 * @param reconcileInterval pause between two rebuilds of the Redis slot counters from
 * PostgreSQL
 * @param calloutCacheTime how long a callout's details read for an answer serve the next
 * ones (its status and slots are read with every answer)
 * @param batchSize how many yeses one statement stores at most
 * @param batchesAtOnce how many such statements run at once at most; yeses that come
 * meanwhile wait and go together in the next, and a second or further one starts only
 * while a full batch waits or the latest has run for a while
 */
@ConfigurationProperties("zeitspende.confirmations")
record ConfirmationProperties(Duration withdrawUntil, Duration reconcileInterval, Duration calloutCacheTime,
		int batchSize, int batchesAtOnce) {

	ConfirmationProperties {
		Assert.isTrue(withdrawUntil != null && !withdrawUntil.isNegative(),
				"zeitspende.confirmations.withdraw-until must not be negative");
		Assert.isTrue(reconcileInterval != null && !reconcileInterval.isNegative() && !reconcileInterval.isZero(),
				"zeitspende.confirmations.reconcile-interval must be positive");
		Assert.isTrue(calloutCacheTime != null && !calloutCacheTime.isNegative(),
				"zeitspende.confirmations.callout-cache-time must not be negative");
		Assert.isTrue(batchSize > 0, "zeitspende.confirmations.batch-size must be positive");
		Assert.isTrue(batchesAtOnce > 0, "zeitspende.confirmations.batches-at-once must be positive");
	}

}
