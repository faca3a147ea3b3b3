package org.zeitspende.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * How bearer tokens are signed and which ones are trusted.
 *
 * @param signingKey PEM-encoded PKCS#8 RSA private key the service signs its tokens with;
 * blank to generate one at start-up (tokens then die with the process)
 * @param issuer the {@code iss} of our own tokens
 * @param audience the {@code aud} of our own tokens
 * @param tokenLifetime how long a member's token stays valid
 * @param clockSkew how far token times may be off between issuer and us
 * @param oidc an external OpenID Connect issuer whose tokens are trusted too
 */
@ConfigurationProperties("zeitspende.auth")
record AuthProperties(String signingKey, String issuer, String audience, Duration tokenLifetime, Duration clockSkew,
		Oidc oidc) {

	AuthProperties {
		Assert.hasText(issuer, "zeitspende.auth.issuer must not be blank");
		Assert.hasText(audience, "zeitspende.auth.audience must not be blank");
		Assert.isTrue(tokenLifetime != null && !tokenLifetime.isNegative() && !tokenLifetime.isZero(),
				"zeitspende.auth.token-lifetime must be positive");
		Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "zeitspende.auth.clock-skew must not be negative");
		oidc = (oidc != null) ? oidc : new Oidc(null, null, null, "org", "roles");
		Assert.isTrue(!oidc.enabled() || !issuer.equals(oidc.issuerUri()),
				"zeitspende.auth.oidc.issuer-uri must differ from zeitspende.auth.issuer");
	}

	/**
	 * An external OpenID Connect issuer, such as a county's Keycloak realm.
	 *
	 * @param issuerUri its issuer identifier; blank when no external issuer is trusted
	 * @param jwkSetUri where its signing keys are; blank to discover them from the issuer
	 * @param audience the {@code aud} its tokens must carry for this service
	 * @param organisationClaim the claim with the organisation's id (a dotted path
	 * reaches into nested claims)
	 * @param rolesClaim the claim with the roles (a dotted path reaches into nested
	 * claims, e.g. {@code realm_access.roles})
	 */
	record Oidc(String issuerUri, String jwkSetUri, String audience, String organisationClaim, String rolesClaim) {

		Oidc {
			organisationClaim = StringUtils.hasText(organisationClaim) ? organisationClaim : "org";
			rolesClaim = StringUtils.hasText(rolesClaim) ? rolesClaim : "roles";
			Assert.isTrue(!StringUtils.hasText(issuerUri) || StringUtils.hasText(audience),
					"zeitspende.auth.oidc.audience is required with zeitspende.auth.oidc.issuer-uri");
		}

		boolean enabled() {
			return StringUtils.hasText(this.issuerUri);
		}

	}

}
