package org.zeitspende.confirmation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.callout.CalloutSummary;

/**
 * Up to three similar callouts for a helper who came too late: the same activity, open,
 * not started, with a free slot, and not answered by the helper; the same place first,
 * then the nearest start. Each of the four branches (same place or elsewhere, starting
 * after or before the full callout) walks a partial index of open callouts in start order
 * and stops after a few matches, so the query stays small however many callouts are open.
 * <p>
 * Thousands of helpers come too late for the same callout within seconds: the candidates
 * are read once per callout and kept as long as {@link RecentCallouts} keeps a callout, a
 * few more than shown, so that those the helper answered can be left out.
 */
@Repository
class Alternatives {

	static final int LIMIT = 3;

	private static final int CANDIDATES = LIMIT + 5;

	private static final int MAXIMUM = 1_000;

	private static final String BRANCH = """
			(select c.id, c.activity_code, c.place_code, c.starts_at, c.ends_at, c.needed, c.filled from callout c
			 where c.activity_code = :activity and c.place_code %s :place and c.status = 'OPEN'
			   and c.starts_at %s :start and c.starts_at > :now and c.filled < c.needed and c.id <> :callout
			 order by c.starts_at %s limit :limit)""";

	private static final String SIMILAR = "select id, activity_code, place_code, starts_at, ends_at, needed - filled as open"
			+ " from ("
			+ String.join(" union all ", BRANCH.formatted("=", ">=", "asc"), BRANCH.formatted("=", "<", "desc"),
					BRANCH.formatted("<>", ">=", "asc"), BRANCH.formatted("<>", "<", "desc"))
			+ ") nearest order by place_code = :place desc, abs(extract(epoch from starts_at - :start)), id limit :limit";

	private final DatabaseClient database;

	private final AsyncCache<UUID, List<Candidate>> recent;

	Alternatives(DatabaseClient database, ConfirmationProperties properties) {
		this.database = database;
		this.recent = Caffeine.newBuilder()
			.expireAfterWrite(properties.calloutCacheTime())
			.maximumSize(MAXIMUM)
			.buildAsync();
	}

	/**
	 * Similar open callouts, best first, whoever asks.
	 * @param callout the callout that is full
	 * @param now the current instant
	 * @return a few more than are shown
	 */
	Mono<List<Candidate>> candidates(CalloutSummary callout, Instant now) {
		return Mono.fromFuture(() -> this.recent.get(callout.id(), (id, executor) -> read(callout, now).toFuture()),
				true);
	}

	/**
	 * What a helper is shown of the candidates.
	 * @param candidates similar open callouts, best first
	 * @param answered the helper's answers, by callout
	 * @return at most three the helper has not answered
	 */
	static List<Alternative> shown(List<Candidate> candidates, Map<UUID, Outcome> answered) {
		return candidates.stream()
			.filter((candidate) -> !answered.containsKey(candidate.calloutId()))
			.limit(LIMIT)
			.map(Candidate::alternative)
			.toList();
	}

	private Mono<List<Candidate>> read(CalloutSummary callout, Instant now) {
		return this.database.sql(SIMILAR)
			.bind("activity", callout.activity())
			.bind("place", callout.place())
			.bind("start", utc(callout.startsAt()))
			.bind("now", utc(now))
			.bind("callout", callout.id())
			.bind("limit", CANDIDATES)
			.map((row) -> new Candidate(row.get("id", UUID.class),
					new Alternative(row.get("activity_code", String.class), row.get("place_code", String.class),
							row.get("starts_at", OffsetDateTime.class).toInstant(),
							row.get("ends_at", OffsetDateTime.class).toInstant(), row.get("open", Integer.class))))
			.all()
			.collectList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A similar callout with its id, which the helper is not shown.
	 *
	 * @param calloutId the callout
	 * @param alternative what the helper is shown
	 */
	record Candidate(UUID calloutId, Alternative alternative) {
	}

}
