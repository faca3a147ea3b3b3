package org.zeitspende.callout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How callouts plan their asks and end their life.
 *
 * @param expectedAcceptanceRate share of asked helpers expected to say yes, until it is
 * learned per activity; sizes the first wave
 * @param maxWaveSize most helpers asked in one wave
 * @param expiryInterval how often open callouts whose start passed are marked expired
 * @param pseudonymSecret key of the pseudonymous ids a preview shows instead of helper
 * ids
 */
@ConfigurationProperties("zeitspende.callouts")
record CalloutProperties(double expectedAcceptanceRate, int maxWaveSize, Duration expiryInterval,
		String pseudonymSecret) {

	CalloutProperties {
		Assert.isTrue(expectedAcceptanceRate > 0 && expectedAcceptanceRate <= 1,
				"zeitspende.callouts.expected-acceptance-rate must be above 0 and at most 1");
		Assert.isTrue(maxWaveSize >= 1, "zeitspende.callouts.max-wave-size must be at least 1");
		Assert.hasText(pseudonymSecret, "zeitspende.callouts.pseudonym-secret must be set");
	}

}
