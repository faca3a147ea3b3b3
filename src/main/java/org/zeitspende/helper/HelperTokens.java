package org.zeitspende.helper;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Links and codes sent to helpers. A token is 128 random bits, base64url (22 characters);
 * only its SHA-256 is stored. Redeeming one is a single statement, so a token works once
 * even when it is clicked twice at the same moment.
 */
@Component
class HelperTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final DatabaseClient database;

	// DRBG without prediction resistance draws no entropy per call: it never blocks on a
	// request thread.
	private final SecureRandom random;

	HelperTokens(DatabaseClient database) throws NoSuchAlgorithmException {
		this.database = database;
		this.random = SecureRandom.getInstance("DRBG",
				DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
		this.random.nextBytes(new byte[16]);
	}

	/**
	 * Creates a token, and for a mobile number also a six-digit code.
	 * @param helperId whose token it is
	 * @param purpose what it is good for
	 * @param lifetime how long it works
	 * @return the token and code to send; neither is stored
	 */
	Mono<Issued> issue(UUID helperId, TokenPurpose purpose, Duration lifetime) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String token = BASE64URL.encodeToString(bytes);
		String code = (purpose == TokenPurpose.VERIFY_MOBILE) ? "%06d".formatted(this.random.nextInt(1_000_000)) : null;
		OffsetDateTime expiresAt = OffsetDateTime.now().plus(lifetime);
		DatabaseClient.GenericExecuteSpec insert = this.database.sql("""
				insert into helper_token (helper_id, purpose, token_hash, code_hash, expires_at)
				values (:helper, :purpose, :tokenHash, :codeHash, :expiresAt)
				returning id""")
			.bind("helper", helperId)
			.bind("purpose", purpose.name())
			.bind("tokenHash", sha256(token))
			.bind("expiresAt", expiresAt);
		insert = (code != null) ? insert.bind("codeHash", codeHash(helperId, code))
				: insert.bindNull("codeHash", byte[].class);
		return insert.map((row) -> new Issued(row.get("id", UUID.class), token, code, expiresAt)).one();
	}

	/**
	 * Whether a token would still work, without using it up: the page behind a link says
	 * at once when it is used or expired, instead of offering a button that then fails.
	 * @param token as it came back from the helper
	 * @param purposes what the caller accepts it for
	 * @return true when {@link #redeem} would find it now
	 */
	Mono<Boolean> usable(String token, Collection<TokenPurpose> purposes) {
		return whereItWorks("select exists (select 1 from helper_token where %s) as usable", token, purposes)
			.map((row) -> Boolean.TRUE.equals(row.get("usable", Boolean.class)))
			.one();
	}

	/**
	 * Uses up a token.
	 * @param token as it came back from the helper
	 * @param purposes what the caller accepts it for
	 * @return whose it was and what for, or empty when it is unknown, used or expired
	 */
	Mono<Redeemed> redeem(String token, Collection<TokenPurpose> purposes) {
		return whereItWorks("update helper_token set used_at = now() where %s returning helper_id, purpose", token,
				purposes)
			.map((row) -> new Redeemed(row.get("helper_id", UUID.class),
					TokenPurpose.valueOf(row.get("purpose", String.class))))
			.one();
	}

	// One condition for a token that works, so that what a link's page promises is what
	// using the link finds.
	private DatabaseClient.GenericExecuteSpec whereItWorks(String statement, String token,
			Collection<TokenPurpose> purposes) {
		return this.database
			.sql(statement.formatted(
					"token_hash = :tokenHash and used_at is null and expires_at > now() and purpose = any(:purposes)"))
			.bind("tokenHash", sha256(token))
			.bind("purposes", purposes.stream().map(Enum::name).toArray(String[]::new));
	}

	/**
	 * Checks a code against the newest open mobile verification of a helper. Every try
	 * counts; after the last allowed try the code stops working.
	 * @param helperId whose code it is
	 * @param code as typed
	 * @param maxAttempts tries a code allows
	 * @return true when the code matched (and is now used up)
	 */
	Mono<Boolean> redeemCode(UUID helperId, String code, int maxAttempts) {
		byte[] hash = codeHash(helperId, code);
		return this.database.sql("""
				update helper_token t
				set attempts = t.attempts + 1,
				    used_at = case when t.code_hash = :codeHash or t.attempts + 1 >= :maxAttempts then now() end
				where t.used_at is null and t.id = (
				    select id from helper_token
				    where helper_id = :helper and purpose = 'VERIFY_MOBILE' and used_at is null and expires_at > now()
				    order by created_at desc limit 1)
				returning t.code_hash = :codeHash as matched""")
			.bind("codeHash", hash)
			.bind("maxAttempts", maxAttempts)
			.bind("helper", helperId)
			.map((row) -> Boolean.TRUE.equals(row.get("matched", Boolean.class)))
			.one()
			.defaultIfEmpty(false);
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private static byte[] codeHash(UUID helperId, String code) {
		return sha256(helperId + ":" + code);
	}

	/**
	 * A token to send.
	 *
	 * @param id the stored token's id, which also names the message that carries it
	 * @param token the link token
	 * @param code the six-digit code, or {@code null}
	 * @param expiresAt when both stop working
	 */
	record Issued(UUID id, String token, String code, OffsetDateTime expiresAt) {
	}

	/**
	 * A token that was just used up.
	 *
	 * @param helperId whose it was
	 * @param purpose what it was for
	 */
	record Redeemed(UUID helperId, TokenPurpose purpose) {
	}

}
