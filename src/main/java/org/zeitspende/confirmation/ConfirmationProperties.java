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
 */
@ConfigurationProperties("zeitspende.confirmations")
record ConfirmationProperties(Duration withdrawUntil, Duration reconcileInterval) {

	ConfirmationProperties {
		Assert.isTrue(withdrawUntil != null && !withdrawUntil.isNegative(),
				"zeitspende.confirmations.withdraw-until must not be negative");
		Assert.isTrue(reconcileInterval != null && !reconcileInterval.isNegative() && !reconcileInterval.isZero(),
				"zeitspende.confirmations.reconcile-interval must be positive");
	}

}
