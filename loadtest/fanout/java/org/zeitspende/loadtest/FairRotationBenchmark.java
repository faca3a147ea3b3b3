package org.zeitspende.loadtest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.wave.WavePlanner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair rotation at scale (S3-fair): ten callouts, each asking 10,000 helpers in one wave,
 * planned at the same time over one pool of 100,000 matching helpers (by default; the
 * system properties {@code fair.helpers}, {@code fair.callouts} and {@code fair.wave} set
 * other sizes). Least recently asked
 * first means that every helper is asked once: the ask counts differ by at most one, and
 * nobody is asked twice for a callout. Run by {@code loadtest/fair.sh}; the relay is off,
 * as this measures the selection only.
 */
@IntegrationTest
@TestPropertySource(properties = { "zeitspende.asks.poll-interval=1h", "zeitspende.waves.initial-acceptance-rate=0.00001",
		"zeitspende.waves.min-acceptance-rate=0.00001", "zeitspende.waves.max-wave-size=${fair.wave:10000}",
		"logging.level.org.zeitspende=warn" })
class FairRotationBenchmark {

	private static final Log log = LogFactory.getLog(FairRotationBenchmark.class);

	// loadtest/fair.sh [helpers] [callouts] [wave]; run.sh's quick mode plans a smaller set.
	private static final int HELPERS = Integer.getInteger("fair.helpers", 100_000);

	private static final int CALLOUTS = Integer.getInteger("fair.callouts", 10);

	private static final int WAVE = Integer.getInteger("fair.wave", 10_000);

	// A place and activity of their own, so that no other helper of the database matches.
	private static final String PLACE = "walkenried";

	private static final String ACTIVITY = "umzugshilfe";

	@Autowired
	private DatabaseClient database;

	@Autowired
	private WavePlanner planner;

	@Autowired
	private RedisConnectionFactory redis;

	@Test
	void tenCalloutsAtOnce_askEveryHelperOnce() throws IOException {
		log.warn("Seeding " + HELPERS + " helpers");
		Tenants.Tenant tenant = new Tenants(this.database).approved();
		new HelperSeed(this.database).insert(HELPERS, 50, PLACE, ACTIVITY);
		CalloutRows callouts = new CalloutRows(this.database);
		List<UUID> calloutIds = Flux.range(0, CALLOUTS)
			.map((i) -> callouts.open(tenant.id(), tenant.coordinator().id(), ACTIVITY, PLACE,
					Instant.now().plus(Duration.ofDays(1)), 1))
			.collectList()
			.block();

		log.warn("Planning " + CALLOUTS + " waves of " + WAVE + " at once");
		RedisStalls stalls = new RedisStalls(this.redis);
		stalls.watch();
		Instant start = Instant.now();
		List<Integer> planned;
		try {
			planned = Flux.fromIterable(calloutIds)
				.flatMap((callout) -> this.planner.planWave(callout, Instant.now()), CALLOUTS)
				.collectList()
				.block(Duration.ofMinutes(20));
		}
		finally {
			stalls.report();
		}
		Duration took = Duration.between(start, Instant.now());

		Counts counts = counts(calloutIds);
		BenchmarkReport.write("fair", "Fair rotation: " + CALLOUTS + " callouts x " + WAVE + " asks",
				table(planned, took, counts));
		assertThat(planned).as("asks planned per callout").hasSize(CALLOUTS).containsOnly(WAVE);
		assertThat(counts.helpers()).as("helpers counted").isEqualTo(HELPERS);
		assertThat(counts.max() - counts.min()).as("ask count max - min").isLessThanOrEqualTo(1);
		assertThat(counts.twice()).as("helpers asked twice for a callout").isZero();
	}

	private Counts counts(List<UUID> calloutIds) {
		UUID[] ids = calloutIds.toArray(UUID[]::new);
		return this.database.sql("""
				with pool as (
				    select h.id from helper h join helper_place p on p.helper_id = h.id and p.place_code = :place
				    join helper_activity a on a.helper_id = h.id and a.activity_code = :activity),
				asked as (
				    select pool.id, count(k.id) as asks from pool
				    left join ask k on k.helper_id = pool.id and k.callout_id = any(:callouts)
				    group by pool.id)
				select count(*) as helpers, min(asks) as min, max(asks) as max,
				       (select count(*) from (select 1 from ask where callout_id = any(:callouts)
				                              group by callout_id, helper_id having count(*) > 1) twice) as twice
				from asked""")
			.bind("place", PLACE)
			.bind("activity", ACTIVITY)
			.bind("callouts", ids)
			.map((row) -> new Counts(row.get("helpers", Long.class), row.get("min", Long.class),
					row.get("max", Long.class), row.get("twice", Long.class)))
			.one()
			.block(Duration.ofMinutes(2));
	}

	private static String table(List<Integer> planned, Duration took, Counts counts) {
		int asks = planned.stream().mapToInt(Integer::intValue).sum();
		boolean pass = counts.max() - counts.min() <= 1 && counts.twice() == 0;
		return BenchmarkReport.table(BenchmarkReport.row("callouts planned at once x wave size", "%s", CALLOUTS + " x " + WAVE),
				BenchmarkReport.row("helpers in the pool", "%,d", counts.helpers()), BenchmarkReport.row("asks planned", "%,d", asks),
				BenchmarkReport.row("planning time", "%.1f s", took.toMillis() / 1000.0),
				BenchmarkReport.row("planning rate", "%,.0f asks/s", asks / (took.toMillis() / 1000.0)),
				BenchmarkReport.row("asks per helper, min / max", "%s", counts.min() + " / " + counts.max()),
				BenchmarkReport.row("helpers asked twice for a callout", "%d", counts.twice()),
				BenchmarkReport.row("goal: max - min <= 1, nobody twice", "%s", pass ? "PASS" : "FAIL"),
				BenchmarkReport.row("machine", "%s", BenchmarkReport.machine()));
	}

	record Counts(long helpers, long min, long max, long twice) {
	}

}
