package org.zeitspende.ask;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.dispatch.Channel;

/**
 * The ask outbox in PostgreSQL. Every status change names the statuses it may leave, so a
 * late or repeated update changes nothing.
 */
@Repository
class AskRepository {

	private static final HexFormat HEX = HexFormat.of();

	private final DatabaseClient database;

	private final ApplicationEventPublisher events;

	AskRepository(DatabaseClient database, ApplicationEventPublisher events) {
		this.database = database;
		this.events = events;
	}

	Mono<Long> insert(UUID calloutId, List<PlannedAsk> asks) {
		return this.database.sql("""
				insert into ask (callout_id, helper_id, channel, next_attempt_at)
				select :callout, planned.helper_id, planned.channel, coalesce(planned.not_before::timestamptz, now())
				from unnest(:helpers::uuid[], :channels::text[], :notBefore::text[])
				     as planned (helper_id, channel, not_before)
				on conflict (callout_id, helper_id) do nothing""")
			.bind("callout", calloutId)
			.bind("helpers", asks.stream().map(PlannedAsk::helperId).toArray(UUID[]::new))
			.bind("channels", asks.stream().map((ask) -> ask.channel().name()).toArray(String[]::new))
			.bind("notBefore",
					asks.stream()
						.map((ask) -> (ask.notBefore() != null) ? ask.notBefore().toString() : null)
						.toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * How many asks each helper got since an instant, leaving out those never sent.
	 */
	Flux<HelperAsks> countSince(UUID[] helperIds, Instant since) {
		return this.database.sql("""
				select helper_id, count(*)::int as asks from ask
				where helper_id = any(:helpers) and created_at >= :since and status not in ('SKIPPED', 'FAILED')
				group by helper_id""")
			.bind("helpers", helperIds)
			.bind("since", utc(since))
			.map((row) -> new HelperAsks(row.get("helper_id", UUID.class), row.get("asks", Integer.class)))
			.all();
	}

	/**
	 * How many asks there are on each channel in each status, over all callouts.
	 * @return counts by channel, then status
	 */
	Mono<Map<String, Map<AskStatus, Long>>> countsByChannelAndStatus() {
		return this.database.sql("select channel, status, count(*) as asks from ask group by channel, status")
			.map((row) -> new ChannelStatusCount(row.get("channel", String.class),
					AskStatus.valueOf(row.get("status", String.class)), row.get("asks", Long.class)))
			.all()
			.collect(TreeMap::new,
					(counts, count) -> counts
						.computeIfAbsent(count.channel(), (channel) -> new EnumMap<>(AskStatus.class))
						.put(count.status(), count.asks()));
	}

	Mono<Long> countUnsent(UUID calloutId) {
		return this.database
			.sql("select count(*) as unsent from ask where callout_id = :callout and status in ('PENDING', 'SENDING')")
			.bind("callout", calloutId)
			.map((row) -> row.get("unsent", Long.class))
			.one();
	}

	/**
	 * Claims due pending asks: one statement, so its row locks last only as long as it
	 * runs, and concurrent relays skip each other's rows. {@code id = any(array(...))}
	 * rather than {@code id in (...)} or a join: right after a large wave, before the
	 * table is analysed, PostgreSQL planned those as a scan of the whole table per
	 * claimed row; an array always goes through the primary key.
	 */
	Flux<ClaimedAsk> claimDue(Instant now, int batchSize) {
		return this.database.sql("""
				update ask set status = 'SENDING', attempts = attempts + 1, updated_at = :now
				where id = any(array(
				    select id from ask
				    where status = 'PENDING' and next_attempt_at <= :now
				    order by next_attempt_at
				    limit :batch
				    for update skip locked))
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

	/**
	 * Records asks the provider took, in one statement, and then publishes one
	 * {@link AsksSent} for the batch.
	 * @param sent the asks with the provider's ids
	 * @return how many claimed asks were recorded
	 */
	Mono<Long> sent(List<SentAsk> sent) {
		return this.database
			.sql("""
					update ask set status = 'SENT', provider_id = taken.provider_id, token_hash = decode(taken.token_hash, 'hex'),
					    last_error = null, updated_at = now()
					from unnest(:ids, :providerIds, :tokenHashes) as taken (id, provider_id, token_hash)
					where ask.id = taken.id and ask.status = 'SENDING'
					returning ask.callout_id""")
			.bind("ids", sent.stream().map(SentAsk::id).toArray(UUID[]::new))
			.bind("providerIds", sent.stream().map(SentAsk::providerId).toArray(String[]::new))
			// Hex, as the driver binds arrays of text but not of bytea.
			.bind("tokenHashes", sent.stream().map((ask) -> HEX.formatHex(ask.tokenHash())).toArray(String[]::new))
			.map((row) -> row.get("callout_id", UUID.class))
			.all()
			// Published once every row is read: the statement commits only when it ends.
			.collectList()
			.map((callouts) -> {
				if (!callouts.isEmpty()) {
					this.events.publishEvent(new AsksSent(Set.copyOf(callouts)));
				}
				return (long) callouts.size();
			});
	}

	/**
	 * An ask the provider took.
	 *
	 * @param id the ask
	 * @param calloutId its callout
	 * @param providerId the provider's id of the message
	 * @param tokenHash the SHA-256 of the token in the message's link
	 */
	record SentAsk(UUID id, UUID calloutId, String providerId, byte[] tokenHash) {

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
	 * @return the ask's callout; empty when the ask did not move
	 */
	Mono<UUID> report(UUID id, AskStatus to, List<AskStatus> from, String error) {
		return this.database.sql("""
				update ask set status = :to, last_error = coalesce(nullif(:error, ''), last_error), updated_at = now()
				where id = :id and status = any(:from::text[])
				returning callout_id""")
			.bind("id", id)
			.bind("to", to.name())
			.bind("from", from.stream().map(AskStatus::name).toArray(String[]::new))
			.bind("error", (error != null) ? truncated(error) : "")
			.map((row) -> row.get("callout_id", UUID.class))
			.one();
	}

	/**
	 * The helper of an SMS ask that went out as the given provider message and still
	 * counts as sent: a report about an earlier message of the same ask finds none.
	 */
	Mono<UUID> sentSmsHelper(UUID id, String providerId) {
		return this.database.sql("""
				select helper_id from ask
				where id = :id and channel = 'SMS' and status in ('SENT', 'UNKNOWN')
				  and (provider_id = :providerId or provider_id is null)""")
			.bind("id", id)
			.bind("providerId", providerId)
			.map((row) -> row.get("helper_id", UUID.class))
			.one();
	}

	/**
	 * Sends an SMS ask again later, once: the handset was out of reach.
	 * @return whether this was the first time
	 */
	Mono<Boolean> retryUnreachable(UUID id, Instant due, String error) {
		return this.database.sql("""
				update ask set status = 'PENDING', unreachable_retried = true, next_attempt_at = :due,
				    last_error = :error, updated_at = now()
				where id = :id and channel = 'SMS' and status in ('SENT', 'UNKNOWN') and not unreachable_retried""")
			.bind("id", id)
			.bind("due", utc(due))
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated > 0);
	}

	/**
	 * Turns an SMS ask that did not reach the helper into an email ask, due now. The row
	 * stays the same, so the helper is still asked once per callout.
	 */
	Mono<Long> switchToEmail(UUID id, List<AskStatus> from, String error) {
		return this.database.sql("""
				update ask set channel = 'EMAIL', status = 'PENDING', next_attempt_at = now(), provider_id = null,
				    last_error = :error, updated_at = now()
				where id = :id and channel = 'SMS' and status = any(:from::text[])""")
			.bind("id", id)
			.bind("from", from.stream().map(AskStatus::name).toArray(String[]::new))
			.bind("error", truncated(error))
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

	private record ChannelStatusCount(String channel, AskStatus status, long asks) {
	}

	/**
	 * The helper's asks, oldest first, for the helper's data export; the link's token
	 * hash and the provider's message id are left out.
	 */
	Mono<List<Map<String, Object>>> exportOf(UUID helperId) {
		return this.database.sql("""
				select callout_id, channel, status, attempts, created_at, updated_at from ask
				where helper_id = :helper order by created_at, callout_id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/**
	 * Keeps the helper's asks for the fairness and delivery counts, but makes their links
	 * useless (no token hash, so no link finds the ask) and skips those not sent yet.
	 */
	Mono<Void> eraseOf(UUID helperId) {
		return this.database.sql("""
				update ask set token_hash = null, updated_at = now(),
				    status = case when status = 'PENDING' then 'SKIPPED' else status end,
				    last_error = case when status = 'PENDING' then 'helper erased' else last_error end
				where helper_id = :helper""").bind("helper", helperId).then();
	}

}
