package org.zeitspende.ask;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
	 * The ask a token belongs to.
	 * @param token as it came back from the helper
	 * @return the ask; empty when no ask has this token
	 */
	public Mono<TokenHolder> find(String token) {
		if (token == null || token.length() != TOKEN_LENGTH) {
			return Mono.empty();
		}
		return this.database.sql("select id, callout_id, helper_id from ask where token_hash = :hash")
			.bind("hash", sha256(token))
			.map((row) -> new TokenHolder(row.get("id", UUID.class), row.get("callout_id", UUID.class),
					row.get("helper_id", UUID.class)))
			.one();
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

	/**
	 * Whose link a token is.
	 *
	 * @param askId the ask
	 * @param calloutId the callout it asks for
	 * @param helperId the helper it asks
	 */
	public record TokenHolder(UUID askId, UUID calloutId, UUID helperId) {
	}

}
