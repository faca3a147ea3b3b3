package org.zeitspende.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the Redis keys this feature owns, built in one place:
 * {@code rl:{limits}:<limit>:<hash of the subject>}.
 * <p>
 * Subjects are phone numbers, email addresses and client addresses, so Redis holds only
 * the first 128 bits of their SHA-256. All buckets share one hash tag, so that one script
 * call can take tokens from buckets of different limits on a Redis Cluster too.
 */
final class RateLimitKeys {

	static final String PREFIX = "rl:{limits}:";

	private static final int HASH_HEX_CHARS = 32;

	private RateLimitKeys() {
	}

	static String of(RateLimitKey key) {
		return PREFIX + key.limit() + ":" + hash(key.subject());
	}

	static String hash(String subject) {
		byte[] digest = sha256().digest(subject.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
