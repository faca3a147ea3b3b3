package org.zeitspende.wave;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Waves in PostgreSQL.
 */
@Repository
class WaveRepository {

	private final DatabaseClient database;

	WaveRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Makes planners of the same callout wait for each other until the transaction ends.
	 * An advisory lock, because the first wave has no row to lock yet.
	 */
	Mono<Void> lock(UUID calloutId) {
		return this.database.sql("select pg_advisory_xact_lock(:key)")
			.bind("key", calloutId.getMostSignificantBits() ^ calloutId.getLeastSignificantBits())
			.then();
	}

	Mono<Wave> latest(UUID calloutId) {
		return this.database.sql("""
				select number, planned_at, next_wave_at from wave
				where callout_id = :callout order by number desc limit 1""")
			.bind("callout", calloutId)
			.map(WaveRepository::wave)
			.one();
	}

	/**
	 * Stores a wave; the wave before it has no next wave to wait for any more.
	 * @return the number of rows inserted: 0 when the wave exists already
	 */
	Mono<Long> insert(UUID calloutId, int number, int size, Instant plannedAt, Instant nextWaveAt) {
		return this.database.sql("""
				update wave set next_wave_at = null where callout_id = :callout and number < :number""")
			.bind("callout", calloutId)
			.bind("number", number)
			.then()
			.then(this.database.sql("""
					insert into wave (callout_id, number, size, planned_at, next_wave_at)
					values (:callout, :number, :size, :plannedAt, :nextWaveAt)
					on conflict (callout_id, number) do nothing""")
				.bind("callout", calloutId)
				.bind("number", number)
				.bind("size", size)
				.bind("plannedAt", utc(plannedAt))
				.bind("nextWaveAt", utc(nextWaveAt))
				.fetch()
				.rowsUpdated());
	}

	/**
	 * Moves the due time of a callout's next wave, or sets it again on its latest wave.
	 */
	Mono<Long> nextWaveAt(UUID calloutId, Instant at) {
		return this.database.sql("""
				update wave set next_wave_at = :at, dispatched_at = null
				where callout_id = :callout
				  and number = (select max(number) from wave where callout_id = :callout)""")
			.bind("callout", calloutId)
			.bind("at", utc(at))
			.fetch()
			.rowsUpdated();
	}

	/** No further wave for the callout. */
	Mono<Long> stop(UUID calloutId) {
		return this.database
			.sql("update wave set next_wave_at = null where callout_id = :callout and next_wave_at is not null")
			.bind("callout", calloutId)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Claims callouts whose next wave is due and whose job was not put on the stream
	 * lately: one statement, so pollers running at once skip each other's rows.
	 * @return the callouts
	 */
	Flux<UUID> claimDue(Instant now, Instant dispatchedBefore, int limit) {
		return this.database.sql("""
				update wave set dispatched_at = :now
				where id in (
				    select id from wave
				    where next_wave_at <= :now and (dispatched_at is null or dispatched_at < :dispatchedBefore)
				    order by next_wave_at
				    limit :limit
				    for update skip locked)
				returning callout_id""")
			.bind("now", utc(now))
			.bind("dispatchedBefore", utc(dispatchedBefore))
			.bind("limit", limit)
			.map((row) -> row.get("callout_id", UUID.class))
			.all();
	}

	/**
	 * Open callouts, created before the given time and not started, that have no wave
	 * yet: the job for their first wave never reached the dispatch stream.
	 * @return the callouts, oldest first
	 */
	Flux<UUID> withoutFirstWave(Instant createdBefore, Instant now, int limit) {
		return this.database.sql("""
				select c.id from callout c
				where c.status = 'OPEN' and c.created_at < :createdBefore and c.starts_at > :now
				  and not exists (select 1 from wave w where w.callout_id = c.id)
				order by c.created_at
				limit :limit""")
			.bind("createdBefore", utc(createdBefore))
			.bind("now", utc(now))
			.bind("limit", limit)
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

	/**
	 * How many helpers the given callouts asked, for those that asked any.
	 */
	Flux<CalloutAsks> asked(UUID[] calloutIds) {
		return this.database.sql("""
				select callout_id, sum(size)::int as asked from wave where callout_id = any(:callouts)
				group by callout_id""")
			.bind("callouts", calloutIds)
			.map((row) -> new CalloutAsks(row.get("callout_id", UUID.class), row.get("asked", Integer.class)))
			.all();
	}

	private static Wave wave(Readable row) {
		OffsetDateTime next = row.get("next_wave_at", OffsetDateTime.class);
		return new Wave(row.get("number", Integer.class), row.get("planned_at", OffsetDateTime.class).toInstant(),
				(next != null) ? next.toInstant() : null);
	}

	// PostgreSQL keeps microseconds and would round a finer instant, possibly up: a wave
	// due "now" would then not be due at that same instant.
	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	/**
	 * How many helpers one callout asked in all its waves.
	 *
	 * @param calloutId the callout
	 * @param asked the helpers asked
	 */
	record CalloutAsks(UUID calloutId, int asked) {
	}

}
