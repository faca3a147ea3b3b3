package org.zeitspende.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.wave.WavePlanner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out of many asks for one callout: selection, rotation, outbox rows and the relay
 * sending into the dev inbox's sinks, with pacing off. Run by {@code loadtest/fanout.sh};
 * the figures go to the log and to {@code loadtest/results/<time>/fanout.md}.
 * <p>
 * Goal: asks per second at least a quarter of the slowest primitive measured in the same
 * run, with the heap capped at 512 MB.
 */
@IntegrationTest
@TestPropertySource(properties = { "zeitspende.asks.poll-interval=20ms", "zeitspende.asks.batch-size=2000",
		"zeitspende.asks.concurrency=256", "zeitspende.waves.initial-acceptance-rate=0.00001",
		"zeitspende.waves.min-acceptance-rate=0.00001", "zeitspende.waves.max-wave-size=1000000", "logging.level.org.zeitspende=warn" })
class FanOutBenchmark {

	private static final Log log = LogFactory.getLog(FanOutBenchmark.class);

	private static final int ASKS = Integer.getInteger("fanout.asks", 100_000);

	private static final double GOAL_RATIO = 0.25;

	private static final long HEAP_LIMIT = 512L * 1024 * 1024;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private WavePlanner planner;

	@Value("${spring.data.redis.url}")
	private String redisUrl;

	@Test
	void fanOut() throws IOException {
		log.warn("Measuring the primitives");
		double redis = Primitives.redisSortedSetOpsPerSecond(this.redisUrl, 200_000);
		double postgres = Primitives.postgresBatchInsertRowsPerSecond(this.database, 2_000);
		double http = Primitives.loopbackHttpRequestsPerSecond(50_000);
		double anchor = Math.min(redis, Math.min(postgres, http));

		log.warn("Seeding " + ASKS + " helpers");
		Tenants.Tenant tenant = new Tenants(this.database).approved();
		new HelperSeed(this.database).insert(ASKS, 50, "goettingen-grone", "fahrdienst");

		try (HeapWatch heap = HeapWatch.start()) {
			log.warn("Fanning out " + ASKS + " asks");
			Instant start = Instant.now();
			UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
			plan(callout);
			Duration planning = Duration.between(start, Instant.now());
			FanOut.Result result = new FanOut(this.database, callout).awaitAllSent(ASKS, Duration.ofMinutes(20));
			Duration took = Duration.between(start, Instant.now());
			double asksPerSecond = result.sent() / (took.toMillis() / 1000.0);
			double ratio = asksPerSecond / anchor;

			BenchmarkReport.write("fanout", "Fan-out of " + ASKS + " asks",
					table(redis, postgres, http, anchor, asksPerSecond, ratio, planning, took, result, heap));
			assertThat(result.sent()).as("asks sent").isEqualTo(ASKS);
			assertThat(ratio).as("asks per second / slowest primitive").isGreaterThanOrEqualTo(GOAL_RATIO);
			assertThat(heap.peakAfterGc()).as("heap after GC").isLessThan(HEAP_LIMIT);
		}
	}

	// Selection, rotation and outbox rows: the callout's first wave asks everyone, as the
	// acceptance rate is set so low.
	private void plan(UUID callout) {
		Integer planned = this.planner.planWave(callout, Instant.now()).block(Duration.ofMinutes(5));
		assertThat(planned).as("asks planned").isEqualTo(ASKS);
	}

	private static String table(double redis, double postgres, double http, double anchor, double asksPerSecond,
			double ratio, Duration planning, Duration took, FanOut.Result result, HeapWatch heap) {
		return BenchmarkReport.table(BenchmarkReport.row("Redis ZADD/ZPOPMIN pipelined", "%,.0f ops/s", redis),
				BenchmarkReport.row("PostgreSQL 100-row batch insert", "%,.0f rows/s", postgres),
				BenchmarkReport.row("loopback HTTP, keep-alive, 64 at once", "%,.0f req/s", http),
				BenchmarkReport.row("slowest primitive (anchor)", "%,.0f /s", anchor), BenchmarkReport.row("asks fanned out", "%,d", result.sent()),
				BenchmarkReport.row("of them SMS / email", "%s", result.sms() + " / " + result.email()),
				BenchmarkReport.row("fan-out time", "%.1f s", took.toMillis() / 1000.0),
				BenchmarkReport.row("of it planning the wave (selection, pick, outbox rows)", "%.1f s", planning.toMillis() / 1000.0),
				BenchmarkReport.row("fan-out rate", "%,.0f asks/s", asksPerSecond),
				BenchmarkReport.row("ratio to anchor (goal >= " + GOAL_RATIO + ")", "%.2f " + ((ratio >= GOAL_RATIO) ? "PASS" : "FAIL"),
						ratio),
				BenchmarkReport.row("heap used, peak (limit -Xmx512m)", "%d MB", heap.peakUsed() / (1024 * 1024)),
				BenchmarkReport.row("heap after GC, peak (goal < 512 MB)", "%d MB", heap.peakAfterGc() / (1024 * 1024)),
				BenchmarkReport.row("machine", "%s", BenchmarkReport.machine()));
	}

	/**
	 * Samples the heap while the fan-out runs: used right now, and what the collector
	 * left behind, which is what the fan-out really keeps.
	 */
	static final class HeapWatch implements AutoCloseable {

		private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "heap-watch");
			thread.setDaemon(true);
			return thread;
		});

		private final AtomicLong peakUsed = new AtomicLong();

		private final AtomicLong peakAfterGc = new AtomicLong();

		static HeapWatch start() {
			HeapWatch watch = new HeapWatch();
			watch.sampler.scheduleAtFixedRate(watch::sample, 0, 50, TimeUnit.MILLISECONDS);
			return watch;
		}

		private void sample() {
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.toList();
			this.peakUsed.accumulateAndGet(heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum(),
					Math::max);
			this.peakAfterGc.accumulateAndGet(heap.stream()
				.filter((pool) -> pool.getCollectionUsage() != null)
				.mapToLong((pool) -> pool.getCollectionUsage().getUsed())
				.sum(), Math::max);
		}

		long peakUsed() {
			return this.peakUsed.get();
		}

		long peakAfterGc() {
			return this.peakAfterGc.get();
		}

		@Override
		public void close() {
			sample();
			this.sampler.shutdownNow();
		}

	}

}
