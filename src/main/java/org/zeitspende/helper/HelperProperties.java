package org.zeitspende.helper;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How helpers register, verify their channels and sign in.
 *
 * @param allowedCountryCodes calling codes of mobile numbers accepted (49 for Germany)
 * @param defaultRegion region for numbers written without a country code
 * @param unverifiedRetention how long a channel may stay unverified before it is purged
 * @param verificationLinkLifetime how long a verification link or code works
 * @param maxCodeAttempts wrong codes allowed before a code stops working
 * @param signInLinkLifetime how long a sign-in link works
 * @param sessionLifetime how long the token a sign-in link gives works
 * @param consentTextVersion the version of the consent text clients show and send back
 * @param linkSecret key that signs one-step unsubscribe links
 */
@ConfigurationProperties("zeitspende.helpers")
record HelperProperties(List<Integer> allowedCountryCodes, String defaultRegion, Duration unverifiedRetention,
		Duration verificationLinkLifetime, int maxCodeAttempts, Duration signInLinkLifetime, Duration sessionLifetime,
		String consentTextVersion, String linkSecret) {
}
