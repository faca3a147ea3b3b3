package org.zeitspende.ask;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.zeitspende.config.NaturalBatches;

/**
 * The tokens in the links of asks: 128 random bits, base64url (22 characters), minted by
 * the relay just before it sends. Only the SHA-256 is stored; the token itself lives only
 * in the message.
 */
@Service
public class AskTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final int TOKEN_LENGTH = 22;

	// Taps on a link come in bursts: the same few links again and again when a callout
	// is full. A token's ask never changes, so a found one is kept a minute (a token
	// replaced or erased in that minute still finds its ask here for the rest of it);
	// an unknown one is looked up every time, as its ask may be sent a moment later.
	private static final Duration KEPT = Duration.ofMinutes(1);

	private static final int KEPT_MAXIMUM = 100_000;

	// A surge of taps on fresh links (10,000 helpers at once) is looked up 64 tokens per
	// query, at most 4 queries at once, instead of a query per tap queueing on the pool.
	private static final int LOOKUPS_PER_QUERY = 64;

	private static final int QUERIES_AT_ONCE = 4;

	private final DatabaseClient database;

	private final NaturalBatches<ByteBuffer, TokenHolder> lookups;

	private final AsyncCache<ByteBuffer, TokenHolder> found = Caffeine.newBuilder()
		.expireAfterWrite(KEPT)
		.maximumSize(KEPT_MAXIMUM)
		.buildAsync();

	// DRBG without prediction resistance draws no entropy per call: it never blocks the
	// relay.
	private final SecureRandom random;

	AskTokens(DatabaseClient database, MeterRegistry meters) throws NoSuchAlgorithmException {
		this.database = database;
		this.lookups = new NaturalBatches<>("zeitspende.ask.token.lookups", LOOKUPS_PER_QUERY, QUERIES_AT_ONCE,
				this::lookUp, meters);
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
		ByteBuffer hash = ByteBuffer.wrap(sha256(token));
		return Mono.fromFuture(() -> this.found.get(hash, (key, executor) -> this.lookups.get(key).toFuture()), true);
	}

	private Mono<Map<ByteBuffer, TokenHolder>> lookUp(List<ByteBuffer> hashes) {
		return this.database.sql("""
				select id, callout_id, helper_id, token_hash from ask
				where token_hash in (select decode(hash, 'hex') from unnest(cast(:hashes as text[])) hash)""")
			.bind("hashes",
					hashes.stream().map((hash) -> HexFormat.of().formatHex(hash.array())).toArray(String[]::new))
			.map((row) -> Map.entry(ByteBuffer.wrap(row.get("token_hash", byte[].class)),
					new TokenHolder(row.get("id", UUID.class), row.get("callout_id", UUID.class),
							row.get("helper_id", UUID.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
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
