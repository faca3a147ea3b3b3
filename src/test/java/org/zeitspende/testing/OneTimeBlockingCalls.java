package org.zeitspende.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Blocking calls that happen once per JVM (loading a resource bundle from a jar and
 * caching it) and are therefore allowed on non-blocking threads. Everything else that
 * blocks there fails the test that caused it.
 */
public class OneTimeBlockingCalls implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
				"loadBundle");
	}

}
