package org.zeitspende.engagement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * The weekly digest of new requirement profiles.
 *
 * @param enabled whether the scheduled run sends anything
 * @param cron when each replica runs it
 * @param minScore the least fit score a profile needs to be in a helper's digest
 */
@ConfigurationProperties("zeitspende.digest")
record DigestProperties(boolean enabled, String cron, int minScore) {

	DigestProperties {
		Assert.hasText(cron, "zeitspende.digest.cron must be set");
		Assert.isTrue(minScore >= 0 && minScore <= 100, "zeitspende.digest.min-score must be between 0 and 100");
	}

}
