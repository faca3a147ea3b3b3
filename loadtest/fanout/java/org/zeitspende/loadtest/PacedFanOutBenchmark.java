package org.zeitspende.loadtest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.TwilioApiDescription;
import org.zeitspende.testing.TwilioExchange;
import org.zeitspende.testing.TwilioStub;
import org.zeitspende.wave.WavePlanner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paced fan-out (S3b): one callout asks N helpers by SMS through the real Twilio adapter and
 * SDK, pointed at the Twilio stub, which creates at most 100 messages in any one second and
 * answers Twilio's 429 (error 20429) beyond. The service is paced at 98 per second, a little
 * under the limit, as an operator would set it: requests that leave on time may still
 * arrive a few milliseconds apart from their pace. Run by {@code loadtest/paced.sh}; the
 * figures go to the log and to {@code loadtest/results/<time>/paced.md}.
 * <p>
 * Goals: the stub accepted at least 95 % of its limit per second; no one-second window with
 * more than 105 % of the limit in requests; every ask accepted exactly once and recorded as
 * sent; every ask answered 429 tried again until accepted.
 */
@IntegrationTest
@TestPropertySource(properties = { "zeitspende.asks.poll-interval=100ms", "zeitspende.asks.batch-size=1000",
		"zeitspende.asks.concurrency=32",
		// At 100 per second, 100 x the call's latency calls are under way at once.
		"resilience4j.bulkhead.instances.twilio.max-concurrent-calls=32", "zeitspende.waves.initial-acceptance-rate=0.00001",
		"zeitspende.waves.min-acceptance-rate=0.00001", "zeitspende.waves.max-wave-size=1000000",
		// The provider stack as application.yml sets it, not the test profile's small one.
		"resilience4j.circuitbreaker.configs.provider.sliding-window-size=20",
		"resilience4j.circuitbreaker.configs.provider.minimum-number-of-calls=10",
		"resilience4j.circuitbreaker.configs.provider.wait-duration-in-open-state=30s",
		"resilience4j.retry.configs.provider.wait-duration=500ms",
		"resilience4j.retry.configs.provider.exponential-max-wait-duration=5s",
		"resilience4j.timelimiter.instances.twilio.timeout-duration=15s", "logging.level.org.zeitspende=warn" })
class PacedFanOutBenchmark {

	private static final Log log = LogFactory.getLog(PacedFanOutBenchmark.class);

	private static final int ASKS = Integer.getInteger("paced.asks", 6_000);

	/** The stub's limit, messages per second; the goals are fractions of it. */
	private static final int RATE = 100;

	/** The service's pace, messages per second. */
	private static final int PACE = 98;

	private static final double GOAL_RATE = 0.95;

	private static final double GOAL_WINDOW = 1.05;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private WavePlanner planner;

	@DynamicPropertySource
	static void twilio(DynamicPropertyRegistry registry) {
		registry.add("zeitspende.twilio.account-sid", TwilioStub::accountSid);
		registry.add("zeitspende.twilio.auth-token", TwilioStub::authToken);
		registry.add("zeitspende.twilio.from", () -> "+4930123456789");
		registry.add("zeitspende.twilio.base-url", () -> TwilioStub.get().baseUrl());
		registry.add("resilience4j.ratelimiter.instances.twilio.limit-for-period", () -> 1);
		registry.add("resilience4j.ratelimiter.instances.twilio.limit-refresh-period",
				() -> Duration.ofSeconds(1).dividedBy(PACE).toNanos() + "ns");
	}

	@Test
	void pacedFanOut() throws IOException {
		TwilioStub twilio = TwilioStub.get();
		twilio.reset();
		twilio.limitTo(RATE);

		log.warn("Seeding " + ASKS + " helpers who prefer SMS");
		Tenants.Tenant tenant = new Tenants(this.database).approved();
		new HelperSeed(this.database).insert(ASKS, 100, "goettingen-grone", "fahrdienst");

		log.warn("Fanning out " + ASKS + " SMS asks at " + PACE + " per second to a limit of " + RATE);
		Instant start = Instant.now();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		Integer planned = this.planner.planWave(callout, Instant.now()).block(Duration.ofMinutes(5));
		assertThat(planned).as("asks planned").isEqualTo(ASKS);
		FanOut fanOut = new FanOut(this.database, callout);
		FanOut.Result result;
		try {
			result = fanOut.awaitAllSent(ASKS, Duration.ofSeconds(3L * ASKS / RATE).plusMinutes(2));
		}
		catch (ConditionTimeoutException ex) {
			log.warn("Not every ask was sent in time; reporting what was");
			result = fanOut.counts();
		}
		Duration took = Duration.between(start, Instant.now());

		Figures figures = Figures.of(twilio.exchanges());
		BenchmarkReport.write("paced", "Paced fan-out of " + ASKS + " SMS asks at " + PACE + "/s to a limit of " + RATE + "/s",
				table(figures, result, took));
		assertThat(result.sms()).as("asks recorded as sent").isEqualTo(ASKS);
		assertThat(figures.acceptedOnce()).as("asks accepted exactly once by the stub").isEqualTo(ASKS);
		assertThat(figures.acceptedTwice()).as("asks accepted twice").isZero();
		assertThat(figures.notRetried()).as("asks answered 429 and never accepted after").isZero();
		assertThat(figures.off()).as("requests that do not match Twilio's API description").isZero();
		assertThat(figures.rate()).as("accepted per second").isGreaterThanOrEqualTo(GOAL_RATE * RATE);
		assertThat(figures.busiestWindow()).as("requests in the busiest second").isLessThanOrEqualTo(
				(int) (GOAL_WINDOW * RATE));
	}

	private static String table(Figures figures, FanOut.Result result, Duration took) {
		boolean ratePass = figures.rate() >= GOAL_RATE * RATE;
		boolean windowPass = figures.busiestWindow() <= GOAL_WINDOW * RATE;
		boolean nonePass = figures.acceptedOnce() == ASKS && figures.acceptedTwice() == 0 && result.sms() == ASKS
				&& result.unsent() == 0;
		return BenchmarkReport.table(BenchmarkReport.row("pace of the service / limit of the stub", "%s",
				"%d / %d messages/s".formatted(PACE, RATE)),
				BenchmarkReport.row("SMS asks", "%,d", ASKS),
				BenchmarkReport.row("requests to the stub (of them answered 429)", "%s",
						"%,d (%,d)".formatted(figures.requests(), figures.rejected())),
				BenchmarkReport.row("accepted rate, first to last accepted (goal >= " + (int) (GOAL_RATE * 100) + " %)",
						"%s", "%.1f/s = %.1f %% %s".formatted(figures.rate(), 100 * figures.rate() / RATE,
								ratePass ? "PASS" : "FAIL")),
				BenchmarkReport.row("requests in the busiest one-second window (goal <= " + (int) (GOAL_WINDOW * 100) + " %)",
						"%s", "%d = %d %% %s".formatted(figures.busiestWindow(), 100 * figures.busiestWindow() / RATE,
								windowPass ? "PASS" : "FAIL")),
				BenchmarkReport.row("accepted in the busiest one-second window", "%d", figures.busiestAcceptedWindow()),
				BenchmarkReport.row("asks accepted once / twice / never (goal: all once)", "%s",
						"%,d / %d / %d".formatted(figures.acceptedOnce(), figures.acceptedTwice(),
								ASKS - figures.acceptedOnce() - figures.acceptedTwice())),
				BenchmarkReport.row("asks recorded as sent / still in the outbox (goal: all / 0)", "%s",
						"%,d / %d %s".formatted(result.sms(), result.unsent(), nonePass ? "PASS" : "FAIL")),
				BenchmarkReport.row("asks answered 429 / of them accepted later (goal: all)", "%s",
						"%,d / %,d %s".formatted(figures.limited(), figures.limited() - figures.notRetried(),
								(figures.notRetried() == 0) ? "PASS" : "FAIL")),
				BenchmarkReport.row("requests not matching Twilio's API description", "%d", figures.off()),
				BenchmarkReport.row("fan-out time (plan the wave, send everything)", "%.1f s", took.toMillis() / 1000.0),
				BenchmarkReport.row("machine", "%s", BenchmarkReport.machine()));
	}

	/**
	 * What the stub saw: asks are told apart by their recipient, as every helper has a
	 * number of their own.
	 */
	record Figures(int requests, int rejected, int acceptedOnce, int acceptedTwice, int limited, int notRetried,
			int off, double rate, int busiestWindow, int busiestAcceptedWindow) {

		static Figures of(List<TwilioExchange> received) {
			List<TwilioExchange> exchanges = received.stream()
				.sorted(Comparator.comparing(TwilioExchange::at))
				.toList();
			Map<String, Integer> accepted = new HashMap<>();
			Map<String, Instant> lastLimited = new HashMap<>();
			Map<String, Instant> lastAccepted = new HashMap<>();
			int rejected = 0;
			int off = 0;
			for (TwilioExchange exchange : exchanges) {
				String to = exchange.request().field("To");
				if (exchange.status() == 201) {
					accepted.merge(to, 1, Integer::sum);
					lastAccepted.put(to, exchange.at());
				}
				else if (exchange.status() == 429) {
					rejected++;
					lastLimited.put(to, exchange.at());
				}
				if (!TwilioApiDescription.get().violations(exchange.request()).isEmpty()) {
					off++;
				}
			}
			Set<String> notRetried = new HashSet<>();
			lastLimited.forEach((to, at) -> {
				Instant acceptedAt = lastAccepted.get(to);
				if (acceptedAt == null || acceptedAt.isBefore(at)) {
					notRetried.add(to);
				}
			});
			List<Instant> acceptedTimes = exchanges.stream()
				.filter((exchange) -> exchange.status() == 201)
				.map(TwilioExchange::at)
				.toList();
			double span = acceptedTimes.isEmpty() ? 0
					: Duration.between(acceptedTimes.get(0), acceptedTimes.get(acceptedTimes.size() - 1)).toMillis()
							/ 1000.0;
			return new Figures(exchanges.size(), rejected,
					(int) accepted.values().stream().filter((n) -> n == 1).count(),
					(int) accepted.values().stream().filter((n) -> n > 1).count(), lastLimited.size(), notRetried.size(),
					off, (span > 0) ? (acceptedTimes.size() - 1) / span : 0,
					busiestSecond(exchanges.stream().map(TwilioExchange::at).toList()), busiestSecond(acceptedTimes));
		}

		// The most instants within any one second, a sliding window over them in order.
		private static int busiestSecond(List<Instant> instants) {
			int busiest = 0;
			int first = 0;
			for (int last = 0; last < instants.size(); last++) {
				while (Duration.between(instants.get(first), instants.get(last)).toMillis() >= 1000) {
					first++;
				}
				busiest = Math.max(busiest, last - first + 1);
			}
			return busiest;
		}

	}

}
