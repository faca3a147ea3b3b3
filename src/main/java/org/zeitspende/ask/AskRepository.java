package org.zeitspende.ask;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.dispatch.Channel;

/**
 * The ask outbox in PostgreSQL. Every status change names the statuses it may leave, so a
 * late or repeated update changes nothing.
 */
@Repository
class AskRepository {

	private final DatabaseClient database;

	AskRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Long> insert(UUID calloutId, List<PlannedAsk> asks) {
		return this.database.sql("""
				insert into ask (callout_id, helper_id, channel)
				select :callout, planned.helper_id, planned.channel
				from unnest(:helpers::uuid[], :channels::text[]) as planned (helper_id, channel)
				on conflict (callout_id, helper_id) do nothing""")
			.bind("callout", calloutId)
			.bind("helpers", asks.stream().map(PlannedAsk::helperId).toArray(UUID[]::new))
			.bind("channels", asks.stream().map((ask) -> ask.channel().name()).toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Claims due pending asks: one statement, so its row locks last only as long as it
	 * runs, and concurrent relays skip each other's rows.
	 */
	Flux<ClaimedAsk> claimDue(Instant now, int batchSize) {
		return this.database.sql("""
				update ask set status = 'SENDING', attempts = attempts + 1, updated_at = :now
				where id in (
				    select id from ask
				    where status = 'PENDING' and next_attempt_at <= :now
				    order by next_attempt_at
				    limit :batch
				    for update skip locked)
				returning id, callout_id, helper_id, channel, attempts""")
			.bind("now", utc(now))
			.bind("batch", batchSize)
			.map(AskRepository::claimed)
			.all();
	}

	/**
	 * Gives up on asks claimed before the cut-off: the relay that claimed them stopped
	 * between claim and answer, and the provider may have taken them.
	 */
	Mono<Long> abandonClaimedBefore(Instant cutOff) {
		return this.database.sql("""
				update ask set status = 'UNKNOWN', last_error = 'claim abandoned', updated_at = now()
				where status = 'SENDING' and updated_at < :cutOff""").bind("cutOff", utc(cutOff)).fetch().rowsUpdated();
	}

	Mono<Long> sent(UUID id, String providerId, byte[] tokenHash) {
		return this.database.sql("""
				update ask set status = 'SENT', provider_id = :providerId, token_hash = :tokenHash, last_error = null,
				    updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("providerId", providerId)
			.bind("tokenHash", tokenHash)
			.fetch()
			.rowsUpdated();
	}

	/** Ends a claimed ask as failed or skipped. */
	Mono<Long> end(UUID id, AskStatus status, String error) {
		return this.database.sql("""
				update ask set status = :status, last_error = :error, updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("status", status.name())
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Ends a claimed ask whose message may have reached the provider; its link must work.
	 */
	Mono<Long> unknown(UUID id, String error, byte[] tokenHash) {
		return this.database.sql("""
				update ask set status = 'UNKNOWN', token_hash = :tokenHash, last_error = :error, updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("tokenHash", tokenHash)
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> retryAt(UUID id, Instant due, String error) {
		return this.database.sql("""
				update ask set status = 'PENDING', next_attempt_at = :due, last_error = :error, updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("due", utc(due))
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Moves an ask to a status reported by the provider, if it stands in one of the given
	 * statuses.
	 */
	Mono<Long> report(UUID id, AskStatus to, List<AskStatus> from, String error) {
		return this.database.sql("""
				update ask set status = :to, last_error = coalesce(nullif(:error, ''), last_error), updated_at = now()
				where id = :id and status = any(:from::text[])""")
			.bind("id", id)
			.bind("to", to.name())
			.bind("from", from.stream().map(AskStatus::name).toArray(String[]::new))
			.bind("error", (error != null) ? truncated(error) : "")
			.fetch()
			.rowsUpdated();
	}

	private static String truncated(String error) {
		return (error.length() > 500) ? error.substring(0, 500) : error;
	}

	private static ClaimedAsk claimed(Readable row) {
		return new ClaimedAsk(row.get("id", UUID.class), row.get("callout_id", UUID.class),
				row.get("helper_id", UUID.class), Channel.valueOf(row.get("channel", String.class)),
				row.get("attempts", Integer.class), null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
