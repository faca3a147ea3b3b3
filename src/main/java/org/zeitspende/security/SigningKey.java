package org.zeitspende.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.apache.commons.logging.Log;

import org.springframework.util.StringUtils;

/**
 * The RSA key our own tokens are signed with (RS256): the configured PEM-encoded PKCS#8
 * private key, or a key generated at start-up when none is configured.
 */
final class SigningKey {

	private static final int MIN_BITS = 2048;

	private static final String HOW_TO_MAKE_ONE = "Create one with: openssl genpkey -algorithm RSA "
			+ "-pkeyopt rsa_keygen_bits:2048 (it prints a PKCS#8 key, '-----BEGIN PRIVATE KEY-----').";

	private final RSAKey jwk;

	private final boolean generated;

	private SigningKey(RSAPrivateCrtKey privateKey, boolean generated) {
		this.jwk = jwk(privateKey);
		this.generated = generated;
	}

	/**
	 * The configured key, or a generated one when {@code pem} is blank.
	 * @param pem the PEM text from {@code zeitspende.auth.signing-key}
	 * @param log where to warn about a generated key
	 * @return the key
	 * @throws IllegalStateException when the PEM text is not a usable RSA key
	 */
	static SigningKey of(String pem, Log log) {
		if (!StringUtils.hasText(pem)) {
			log.warn("No signing key is configured (zeitspende.auth.signing-key, ZEITSPENDE_AUTH_SIGNING_KEY), so a "
					+ "new one was generated. Tokens do not survive a restart and do not work across replicas. "
					+ HOW_TO_MAKE_ONE);
			return new SigningKey(generate(), true);
		}
		return new SigningKey(parse(pem), false);
	}

	RSAKey jwk() {
		return this.jwk;
	}

	RSAPublicKey publicKey() {
		try {
			return this.jwk.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("The signing key has no usable public part", ex);
		}
	}

	String keyId() {
		return this.jwk.getKeyID();
	}

	boolean generated() {
		return this.generated;
	}

	private static RSAPrivateCrtKey parse(String pem) {
		String text = pem.replace("\\n", "\n").strip();
		if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
				|| text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
			throw invalid("It is not an unencrypted PKCS#8 key. Convert it with: openssl pkcs8 -topk8 -nocrypt "
					+ "-in old.pem -out key.pem.", null);
		}
		if (!text.startsWith("-----BEGIN PRIVATE KEY-----") || !text.endsWith("-----END PRIVATE KEY-----")) {
			throw invalid("It is not PEM text between '-----BEGIN PRIVATE KEY-----' and '-----END PRIVATE KEY-----'.",
					null);
		}
		String base64 = text.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		byte[] der;
		try {
			der = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("Its body is not Base64.", ex);
		}
		PrivateKey key;
		try {
			key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (InvalidKeySpecException ex) {
			throw invalid("It is not an RSA private key (only RS256 is supported).", ex);
		}
		catch (GeneralSecurityException ex) {
			throw invalid("It could not be read.", ex);
		}
		if (!(key instanceof RSAPrivateCrtKey rsa)) {
			throw invalid("It lacks the public exponent (CRT form expected).", null);
		}
		if (rsa.getModulus().bitLength() < MIN_BITS) {
			throw invalid("It has " + rsa.getModulus().bitLength() + " bits; at least " + MIN_BITS + " are needed.",
					null);
		}
		return rsa;
	}

	private static RSAPrivateCrtKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(MIN_BITS);
			return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

	private static RSAKey jwk(RSAPrivateCrtKey privateKey) {
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
			return new RSAKey.Builder(withoutId).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(withoutId.computeThumbprint().toString())
				.build();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Could not derive the public key from the signing key", ex);
		}
	}

	private static IllegalStateException invalid(String reason, Exception cause) {
		return new IllegalStateException(
				"zeitspende.auth.signing-key (ZEITSPENDE_AUTH_SIGNING_KEY) is not a usable key. " + reason + " "
						+ HOW_TO_MAKE_ONE,
				cause);
	}

}
