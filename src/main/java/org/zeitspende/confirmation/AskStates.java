package org.zeitspende.confirmation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.zeitspende.ask.AskTokens;
import org.zeitspende.callout.CalloutStatus;
import org.zeitspende.config.NaturalBatches;

/**
 * What a tap on a link needs to know, in one read: whose ask the token is, the callout's
 * status and slots now, and the helper's answers to it and to the open callouts (those
 * that may be offered instead). A surge of taps is read 64 per query, at most 4 queries
 * at once (a further one while 64 taps wait), instead of a query per tap queueing on the
 * pool. Nothing of it is kept: a tap on a full callout is answered from this read alone,
 * and it is the same read whether the link is tapped once or again and again.
 */
@Component
class AskStates {

	private static final int TAPS_PER_QUERY = 64;

	private static final int QUERIES_AT_ONCE = 4;

	// The helper's answer to the callout and those to open callouts (one may be offered
	// instead; the offers are kept a moment, so one filled since counts too), one row
	// per ask: a subquery PostgreSQL runs for each ask through the index on the
	// helper. Both aggregates take the same rows in the same order.
	private static final String ANSWERS = """
			cross join lateral (
			  select array_agg(mine.callout_id) as answered_ids, array_agg(mine.answer) as answers
			  from confirmation mine
			  where mine.helper_id = %s and (mine.callout_id = c.id or exists (
			    select 1 from callout o where o.id = mine.callout_id and o.status in ('OPEN', 'FILLED')))) k""";

	private static final String BY_TOKEN = """
			select a.token_hash, a.helper_id, c.id as callout_id, c.status, c.filled, k.answered_ids, k.answers
			from ask a join callout c on c.id = a.callout_id
			""" + ANSWERS.formatted("a.helper_id") + """

			where a.token_hash in (select decode(hash, 'hex') from unnest(cast(:hashes as text[])) hash)""";

	private static final String BY_HELPER = """
			select c.id as callout_id, c.status, c.filled, k.answered_ids, k.answers
			from callout c
			""" + ANSWERS.formatted(":helper") + """

			where c.id = :callout""";

	private final DatabaseClient database;

	private final NaturalBatches<ByteBuffer, AskState> taps;

	AskStates(DatabaseClient database, MeterRegistry meters) {
		this.database = database;
		this.taps = new NaturalBatches<>("zeitspende.confirmation.ask.reads", TAPS_PER_QUERY, QUERIES_AT_ONCE,
				this::byHashes, meters);
	}

	/**
	 * The ask behind a link.
	 * @param token as it came back from the helper
	 * @return the ask as it stands; empty when no ask has the token
	 */
	Mono<AskState> byToken(String token) {
		return Mono.justOrEmpty(AskTokens.hashOf(token)).flatMap((hash) -> this.taps.get(ByteBuffer.wrap(hash)));
	}

	/**
	 * A helper's ask for a callout, for answers that come without a link (SMS); whether
	 * the helper was asked is the caller's to know.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @return the ask as it stands; empty when the callout is unknown
	 */
	Mono<AskState> of(UUID calloutId, UUID helperId) {
		return this.database.sql(BY_HELPER)
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.map((row) -> state(row, helperId))
			.one();
	}

	// Always TAPS_PER_QUERY hashes, empty ones (no token's) after those asked for: for a
	// short list, a plan of its own looks cheaper to PostgreSQL than the generic plan, so
	// it would plan the statement anew for each call, and planning this read takes longer
	// than running it (0.7 against 0.1 ms for 8 taps).
	private Mono<Map<ByteBuffer, AskState>> byHashes(List<ByteBuffer> hashes) {
		String[] hexes = new String[Math.max(TAPS_PER_QUERY, hashes.size())];
		Arrays.fill(hexes, "");
		for (int i = 0; i < hashes.size(); i++) {
			hexes[i] = HexFormat.of().formatHex(hashes.get(i).array());
		}
		return this.database.sql(BY_TOKEN)
			.bind("hashes", hexes)
			.map((row) -> Map.entry(ByteBuffer.wrap(row.get("token_hash", byte[].class)),
					state(row, row.get("helper_id", UUID.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static AskState state(Readable row, UUID helperId) {
		UUID[] answeredIds = row.get("answered_ids", UUID[].class);
		String[] answers = row.get("answers", String[].class);
		Map<UUID, Outcome> answered = new HashMap<>();
		for (int i = 0; answeredIds != null && i < answeredIds.length; i++) {
			answered.put(answeredIds[i], Outcome.valueOf(answers[i]));
		}
		return new AskState(row.get("callout_id", UUID.class), helperId,
				CalloutStatus.valueOf(row.get("status", String.class)), row.get("filled", Integer.class),
				Map.copyOf(answered));
	}

	/**
	 * An ask as it stands.
	 *
	 * @param calloutId the callout it asks for
	 * @param helperId the helper it asks
	 * @param status the callout's status now
	 * @param filled the callout's slots taken now
	 * @param answered the helper's answers to the callout and to open or filled ones, by
	 * callout
	 */
	record AskState(UUID calloutId, UUID helperId, CalloutStatus status, int filled, Map<UUID, Outcome> answered) {

	}

}
