package org.zeitspende.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The weekly digests sent, one row per helper and week. Inserting the row claims the
 * week's digest: the primary key lets exactly one replica win it.
 */
@Repository
class DigestRepository {

	private final DatabaseClient database;

	DigestRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * When each helper's latest digest after a time was claimed.
	 */
	Mono<Map<UUID, Instant>> lastClaimedAfter(Instant after) {
		return this.database.sql("""
				select helper_id, max(claimed_at) as claimed_at from requirement_digest
				where claimed_at > :after group by helper_id""")
			.bind("after", after.atOffset(ZoneOffset.UTC))
			.map((row) -> Map.entry(row.get("helper_id", UUID.class),
					row.get("claimed_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Claims a helper's digest of a week.
	 * @return whether this call claimed it; {@code false} when it was claimed before
	 */
	Mono<Boolean> claim(UUID helperId, LocalDate week, int profiles, Instant now) {
		return this.database.sql("""
				insert into requirement_digest (helper_id, week, profiles, claimed_at)
				values (:helper, :week, :profiles, :now)
				on conflict do nothing""")
			.bind("helper", helperId)
			.bind("week", week)
			.bind("profiles", (short) profiles)
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Long> sent(UUID helperId, LocalDate week, String providerId) {
		return this.database.sql("""
				update requirement_digest set status = 'SENT', provider_id = :providerId
				where helper_id = :helper and week = :week and status = 'SENDING'""")
			.bind("helper", helperId)
			.bind("week", week)
			.bind("providerId", providerId)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> end(UUID helperId, LocalDate week, String status, String error) {
		return this.database.sql("""
				update requirement_digest set status = :status, last_error = left(:error, 500)
				where helper_id = :helper and week = :week and status = 'SENDING'""")
			.bind("helper", helperId)
			.bind("week", week)
			.bind("status", status)
			.bind("error", String.valueOf(error))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Gives up a claim whose digest provably was not sent, so that a later run sends it.
	 */
	Mono<Long> release(UUID helperId, LocalDate week) {
		return this.database.sql("""
				delete from requirement_digest where helper_id = :helper and week = :week and status = 'SENDING'""")
			.bind("helper", helperId)
			.bind("week", week)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The helper's digests, oldest first, for the helper's data export.
	 */
	Mono<List<Map<String, Object>>> exportOf(UUID helperId) {
		return this.database.sql("""
				select week, profiles, status, claimed_at from requirement_digest
				where helper_id = :helper order by week""").bind("helper", helperId).fetch().all().collectList();
	}

	/**
	 * Deletes the helper's digests.
	 */
	Mono<Void> eraseOf(UUID helperId) {
		return this.database.sql("delete from requirement_digest where helper_id = :helper")
			.bind("helper", helperId)
			.then();
	}

}
