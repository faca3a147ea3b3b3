package org.zeitspende.testing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.core.env.Environment;

import org.zeitspende.security.Role;

/**
 * Mints bearer tokens for tests: by default exactly as the service issues them (its key,
 * issuer and audience, read from the test configuration), and with any claim, time, key
 * or algorithm changed to see how the service treats a bad token.
 *
 * <pre>
 * Tokens tokens = Tokens.of(environment);
 * String admin = tokens.admin(organisationId);
 * String expired = tokens.token().roles(Role.ADMIN).organisation(organisationId)
 * 	.expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
 * </pre>
 */
public final class Tokens {

	private final RSAKey key;

	private final String issuer;

	private final String audience;

	private Tokens(RSAKey key, String issuer, String audience) {
		this.key = key;
		this.issuer = issuer;
		this.audience = audience;
	}

	/**
	 * Tokens as the running service issues them.
	 * @param environment the service's environment
	 * @return the minter
	 */
	public static Tokens of(Environment environment) {
		return new Tokens(parse(environment.getRequiredProperty("zeitspende.auth.signing-key")),
				environment.getRequiredProperty("zeitspende.auth.issuer"),
				environment.getRequiredProperty("zeitspende.auth.audience"));
	}

	/**
	 * Tokens of another issuer with its own key, such as an external OpenID Connect
	 * issuer in a test.
	 * @param key the issuer's key pair
	 * @param issuer its {@code iss}
	 * @param audience the {@code aud} it puts in its tokens
	 * @return the minter
	 */
	public static Tokens of(RSAKey key, String issuer, String audience) {
		return new Tokens(key, issuer, audience);
	}

	/**
	 * A new RSA key pair with the given key id, as an issuer would publish it.
	 * @param keyId the {@code kid}
	 * @return the key pair
	 */
	public static RSAKey newKey(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
				.keyID(keyId)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String issuer() {
		return this.issuer;
	}

	public RSAKey key() {
		return this.key;
	}

	/**
	 * A token with a random subject, valid for five minutes, no roles yet.
	 * @return a builder
	 */
	public Builder token() {
		return new Builder();
	}

	public String admin(UUID organisationId) {
		return member(UUID.randomUUID(), organisationId, Role.ADMIN);
	}

	public String coordinator(UUID organisationId) {
		return member(UUID.randomUUID(), organisationId, Role.COORDINATOR);
	}

	public String member(UUID memberId, UUID organisationId, Role role) {
		return token().subject(memberId).organisation(organisationId).roles(role).sign();
	}

	public String operator(UUID operatorId) {
		return token().subject(operatorId).roles(Role.OPERATOR).sign();
	}

	public String helper(UUID helperId) {
		return token().subject(helperId).roles(Role.HELPER).sign();
	}

	private static RSAKey parse(String pem) {
		try {
			String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
				.replace("-----END PRIVATE KEY-----", "")
				.replaceAll("\\s", "");
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
			return new RSAKey.Builder(withoutId).keyID(withoutId.computeThumbprint().toString()).build();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("zeitspende.auth.signing-key of the tests is not an RSA key", ex);
		}
	}

	/**
	 * One token, changed at will before it is signed.
	 */
	public final class Builder {

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private RSAKey signingKey = Tokens.this.key;

		private JOSEObjectType type = JOSEObjectType.JWT;

		private Builder() {
			Instant now = Instant.now();
			this.claims.put("iss", Tokens.this.issuer);
			this.claims.put("aud", List.of(Tokens.this.audience));
			this.claims.put("sub", UUID.randomUUID().toString());
			this.claims.put("iat", Date.from(now));
			this.claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
			this.claims.put("jti", UUID.randomUUID().toString());
		}

		public Builder subject(UUID subject) {
			return claim("sub", subject.toString());
		}

		public Builder organisation(UUID organisationId) {
			return claim("org", organisationId.toString());
		}

		public Builder roles(Role... roles) {
			return claim("roles", Arrays.stream(roles).map(Role::name).toList());
		}

		public Builder issuer(String issuer) {
			return claim("iss", issuer);
		}

		public Builder audience(String... audience) {
			return claim("aud", List.of(audience));
		}

		public Builder expiresAt(Instant expiresAt) {
			return claim("exp", (expiresAt != null) ? Date.from(expiresAt) : null);
		}

		public Builder notBefore(Instant notBefore) {
			return claim("nbf", Date.from(notBefore));
		}

		/**
		 * Sets a claim, or removes it with {@code null}.
		 * @param name the claim
		 * @param value its value
		 * @return this builder
		 */
		public Builder claim(String name, Object value) {
			if (value == null) {
				this.claims.remove(name);
			}
			else {
				this.claims.put(name, value);
			}
			return this;
		}

		public Builder signedWith(RSAKey key) {
			this.signingKey = key;
			return this;
		}

		public Builder type(String type) {
			this.type = (type != null) ? new JOSEObjectType(type) : null;
			return this;
		}

		public String sign() {
			try {
				SignedJWT jwt = new SignedJWT(
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID())
							.type(this.type)
							.build(),
						claimsSet());
				jwt.sign(new RSASSASigner(this.signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * The same claims without a signature ({@code alg=none}).
		 * @return the unsigned token
		 */
		public String unsigned() {
			return new PlainJWT(claimsSet()).serialize();
		}

		private JWTClaimsSet claimsSet() {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
			this.claims.forEach(builder::claim);
			return builder.build();
		}

	}

}
