package org.zeitspende.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How the relay sends messages to helpers by email.
 *
 * @param pollInterval pause between two polls of the outbox
 * @param batchSize most emails claimed per poll
 * @param sendingLease how long an email may stay claimed before it counts as abandoned
 * @param retryBackoff wait before the retry of an email that provably was not sent
 */
@ConfigurationProperties("zeitspende.messages")
record MessageProperties(Duration pollInterval, int batchSize, Duration sendingLease, Duration retryBackoff) {

	MessageProperties {
		Assert.isTrue(batchSize >= 1, "zeitspende.messages.batch-size must be at least 1");
		Assert.isTrue(sendingLease != null && !sendingLease.isNegative() && !sendingLease.isZero(),
				"zeitspende.messages.sending-lease must be positive");
		Assert.isTrue(retryBackoff != null && !retryBackoff.isNegative() && !retryBackoff.isZero(),
				"zeitspende.messages.retry-backoff must be positive");
	}

}
