package org.zeitspende.ask;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The tokens in the links of asks: 128 random bits, base64url (22 characters), minted by
 * the relay just before it sends. Only the SHA-256 is stored; the token itself lives only
 * in the message.
 */
@Service
public class AskTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final int TOKEN_LENGTH = 22;

	private final DatabaseClient database;

	// DRBG without prediction resistance draws no entropy per call: it never blocks the
	// relay.
	private final SecureRandom random;

	AskTokens(DatabaseClient database) throws NoSuchAlgorithmException {
		this.database = database;
		this.random = SecureRandom.getInstance("DRBG",
				DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
		this.random.nextBytes(new byte[16]);
	}

	String mint() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	/**
	 * What is stored of a token as it came back from a helper.
	 * @param token from a link
	 * @return its SHA-256, as {@code ask.token_hash} holds it; empty when the token
	 * cannot be one of ours
	 */
	public static Optional<byte[]> hashOf(String token) {
		if (token == null || token.length() != TOKEN_LENGTH) {
			return Optional.empty();
		}
		return Optional.of(sha256(token));
	}

	/**
	 * The callouts a helper holds a link for, for answers that come without one (SMS).
	 * @param helperId the helper
	 * @return the callouts whose ask may have reached the helper
	 */
	public Flux<UUID> calloutsAsked(UUID helperId) {
		return this.database
			.sql("select callout_id from ask where helper_id = :helper and token_hash is not null "
					+ "and status in ('SENT', 'DELIVERED', 'UNKNOWN')")
			.bind("helper", helperId)
			.map((row) -> row.get("callout_id", UUID.class))
			.all();
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
