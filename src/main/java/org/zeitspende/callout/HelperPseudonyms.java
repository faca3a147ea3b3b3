package org.zeitspende.callout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Pseudonymous ids of helpers: an HMAC-SHA256, keyed with
 * {@code zeitspende.callouts.pseudonym-secret}, of a scope (a callout, a requirement
 * profile) and the helper's id. The same helper gets another pseudonym in every scope, so
 * that lists cannot be joined to follow a person, and without the key nobody can
 * recompute a pseudonym from the ids to find out whom it stands for.
 */
@Component
public class HelperPseudonyms {

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	HelperPseudonyms(CalloutProperties properties) {
		this.key = new SecretKeySpec(properties.pseudonymSecret().getBytes(StandardCharsets.UTF_8), HMAC);
	}

	/**
	 * A helper's pseudonym within a scope.
	 * @param scopeId the callout or requirement profile the pseudonym is shown for
	 * @param helperId the helper
	 * @return 16 lower-case hexadecimal characters
	 */
	public String of(UUID scopeId, UUID helperId) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			byte[] digest = mac.doFinal((scopeId + ":" + helperId).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
