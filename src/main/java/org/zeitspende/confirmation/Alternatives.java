package org.zeitspende.confirmation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.callout.CalloutSummary;

/**
 * Up to three similar callouts for a helper who came too late: the same activity, open,
 * not started, with a free slot, and not answered by the helper; the same place first,
 * then the nearest start. Each of the four branches (same place or elsewhere, starting
 * after or before the full callout) walks a partial index of open callouts in start order
 * and stops after three matches, so the query stays small however many callouts are open.
 */
@Repository
class Alternatives {

	static final int LIMIT = 3;

	private static final String BRANCH = """
			(select c.id, c.activity_code, c.place_code, c.starts_at, c.ends_at, c.needed, c.filled from callout c
			 where c.activity_code = :activity and c.place_code %s :place and c.status = 'OPEN'
			   and c.starts_at %s :start and c.starts_at > :now and c.filled < c.needed and c.id <> :callout
			   and not exists (select 1 from confirmation a where a.callout_id = c.id and a.helper_id = :helper)
			 order by c.starts_at %s limit :limit)""";

	private static final String SIMILAR = "select activity_code, place_code, starts_at, ends_at, needed - filled as open"
			+ " from ("
			+ String.join(" union all ", BRANCH.formatted("=", ">=", "asc"), BRANCH.formatted("=", "<", "desc"),
					BRANCH.formatted("<>", ">=", "asc"), BRANCH.formatted("<>", "<", "desc"))
			+ ") nearest order by place_code = :place desc, abs(extract(epoch from starts_at - :start)), id limit :limit";

	private final DatabaseClient database;

	Alternatives(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Similar open callouts, best first.
	 * @param callout the callout that is full
	 * @param helperId the helper who came too late
	 * @param now the current instant
	 * @return at most three
	 */
	Mono<List<Alternative>> similarTo(CalloutSummary callout, UUID helperId, Instant now) {
		return this.database.sql(SIMILAR)
			.bind("activity", callout.activity())
			.bind("place", callout.place())
			.bind("start", utc(callout.startsAt()))
			.bind("now", utc(now))
			.bind("callout", callout.id())
			.bind("helper", helperId)
			.bind("limit", LIMIT)
			.map((row) -> new Alternative(row.get("activity_code", String.class), row.get("place_code", String.class),
					row.get("starts_at", OffsetDateTime.class).toInstant(),
					row.get("ends_at", OffsetDateTime.class).toInstant(), row.get("open", Integer.class)))
			.all()
			.collectList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
