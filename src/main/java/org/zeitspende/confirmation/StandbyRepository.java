package org.zeitspende.confirmation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The standby lists in PostgreSQL. A helper waits while the entry has no offer, the
 * helper has stored no answer and the callout is open or filled and has not started.
 */
@Repository
class StandbyRepository {

	private final DatabaseClient database;

	StandbyRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Puts a helper on the list. Repeating it changes nothing while the helper waits; a
	 * helper who had an offer goes to the end of the list again.
	 */
	Mono<Void> join(UUID calloutId, UUID helperId) {
		return this.database.sql("""
				insert into standby (callout_id, helper_id) values (:callout, :helper)
				on conflict (callout_id, helper_id) do update set joined_at = now(), offered_at = null
				where standby.offered_at is not null""").bind("callout", calloutId).bind("helper", helperId).then();
	}

	/**
	 * Whether a helper waits for an offer.
	 */
	Mono<Boolean> waiting(UUID calloutId, UUID helperId) {
		return this.database.sql("""
				select exists (select 1 from standby
				               where callout_id = :callout and helper_id = :helper and offered_at is null)""")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	/**
	 * Locks the entry of the helper who waits longest, skipping entries a concurrent
	 * offer holds, so that two places opening at once go to the first two helpers.
	 * @return the helper; empty when nobody waits or the callout no longer takes helpers
	 */
	Mono<UUID> first(UUID calloutId, Instant now) {
		return this.database.sql("""
				select s.helper_id from standby s join callout c on c.id = s.callout_id
				where s.callout_id = :callout and s.offered_at is null
				  and c.status = 'OPEN' and c.starts_at > :now
				  and not exists (select 1 from confirmation a
				                  where a.callout_id = s.callout_id and a.helper_id = s.helper_id)
				order by s.joined_at, s.helper_id
				limit 1
				for update of s skip locked""")
			.bind("callout", calloutId)
			.bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.map((row) -> row.get("helper_id", UUID.class))
			.one();
	}

	Mono<Void> offered(UUID calloutId, UUID helperId, Instant at) {
		return this.database
			.sql("update standby set offered_at = :at where callout_id = :callout and helper_id = :helper")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.then();
	}

	/** Ends a helper's wait: the helper cannot be told any more. */
	Mono<Void> leave(UUID calloutId, UUID helperId) {
		return this.database.sql("delete from standby where callout_id = :callout and helper_id = :helper")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.then();
	}

	/**
	 * The helper's places on standby lists, oldest first, for the helper's data export.
	 */
	Mono<List<Map<String, Object>>> exportOf(UUID helperId) {
		return this.database.sql("""
				select callout_id, joined_at, offered_at from standby
				where helper_id = :helper order by joined_at, callout_id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/** Takes the helper off every standby list: an erased helper cannot be told. */
	Mono<Void> eraseOf(UUID helperId) {
		return this.database.sql("delete from standby where helper_id = :helper").bind("helper", helperId).then();
	}

}
