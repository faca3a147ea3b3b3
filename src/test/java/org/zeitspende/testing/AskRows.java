package org.zeitspende.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Creates helpers with sent asks straight in the database, many at once, each ask with a
 * link token whose hash is stored as the relay stores it.
 */
public final class AskRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient database;

	public AskRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Helpers with a verified email, each asked for the callout with a sent ask.
	 * @param calloutId the callout
	 * @param count how many
	 * @return the helpers and the tokens of their links, in the same order
	 */
	public List<Asked> asked(UUID calloutId, int count) {
		List<UUID> helpers = this.database.sql("""
				insert into helper (email, email_verified_at)
				select 'bulk-' || gen_random_uuid() || '@test.example.org', now() from generate_series(1, :count)
				returning id""")
			.bind("count", count)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block(TIMEOUT);
		List<Asked> asked = new ArrayList<>(count);
		helpers.forEach((helper) -> asked.add(new Asked(helper, token())));
		this.database.sql("""
				insert into ask (callout_id, helper_id, channel, status, attempts, token_hash)
				select :callout, helper_id, 'EMAIL', 'SENT', 1, sha256(convert_to(token, 'UTF8'))
				from unnest(:helpers::uuid[], :tokens::text[]) as sent (helper_id, token)""")
			.bind("callout", calloutId)
			.bind("helpers", asked.stream().map(Asked::helperId).toArray(UUID[]::new))
			.bind("tokens", asked.stream().map(Asked::token).toArray(String[]::new))
			.then()
			.block(TIMEOUT);
		return asked;
	}

	/**
	 * A sent ask for a helper who exists already.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @param channel {@code EMAIL} or {@code SMS}
	 * @return the token in the ask's link
	 */
	public String ask(UUID calloutId, UUID helperId, String channel) {
		String token = token();
		this.database.sql("""
				insert into ask (callout_id, helper_id, channel, status, attempts, token_hash)
				values (:callout, :helper, :channel, 'SENT', 1, sha256(convert_to(:token, 'UTF8')))""")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.bind("channel", channel)
			.bind("token", token)
			.then()
			.block(TIMEOUT);
		return token;
	}

	/**
	 * A fresh token that no ask has.
	 * @return 22 base64url characters
	 */
	public static String token() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A helper asked with a link.
	 *
	 * @param helperId the helper
	 * @param token the token in the link
	 */
	public record Asked(UUID helperId, String token) {
	}

}
