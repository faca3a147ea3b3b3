package org.zeitspende.organisation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Signing in with email and password.
 *
 * @param maxFailures consecutive wrong passwords after which an account is locked
 * @param lockout how long it stays locked
 * @param bcryptStrength the bcrypt cost factor for new password hashes (4 to 31)
 */
@ConfigurationProperties("zeitspende.auth.sign-in")
record SignInProperties(int maxFailures, Duration lockout, int bcryptStrength) {

	SignInProperties {
		Assert.isTrue(maxFailures >= 1, "zeitspende.auth.sign-in.max-failures must be at least 1");
		Assert.isTrue(lockout != null && !lockout.isNegative() && !lockout.isZero(),
				"zeitspende.auth.sign-in.lockout must be positive");
		Assert.isTrue(bcryptStrength >= 4 && bcryptStrength <= 31,
				"zeitspende.auth.sign-in.bcrypt-strength must be between 4 and 31");
	}

}
