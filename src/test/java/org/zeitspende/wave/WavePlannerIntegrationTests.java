package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.ask.AskOutbox;
import org.zeitspende.ask.PlannedAsk;
import org.zeitspende.callout.CalloutExhausted;
import org.zeitspende.callout.HelperWithdrew;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.security.Role;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Waves against the real PostgreSQL and Redis. Every test asks for a skill of its own at
 * a place and activity no other test uses, so that its callouts find only its helpers,
 * and deletes its callouts afterwards, so that no ask of them is left for the relay. Time
 * moves by passing {@code now}; nothing waits.
 */
@IntegrationTest
class WavePlannerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PLACE = "walkenried";

	private static final String ACTIVITY = "begegnungscafe";

	@Autowired
	WavePlanner planner;

	@Autowired
	DispatchJobs jobs;

	@Autowired
	DispatchConsumer consumer;

	@Autowired
	NextWaves nextWaves;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AskOutbox outbox;

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	Environment environment;

	final List<CalloutExhausted> exhaustions = new CopyOnWriteArrayList<>();

	final ApplicationListener<PayloadApplicationEvent<CalloutExhausted>> listener = ApplicationListener
		.forPayload(this.exhaustions::add);

	final List<UUID> callouts = new ArrayList<>();

	Tenant tenant;

	HelperRows helpers;

	String skill;

	Instant now;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.helpers = new HelperRows(this.database);
		this.skill = "wave-" + UUID.randomUUID().toString().substring(0, 8);
		this.now = Instant.now();
		this.context.addApplicationListener(this.listener);
		drainDispatchStream();
	}

	@AfterEach
	void tearDown() {
		this.context.removeApplicationListener(this.listener);
		this.database.sql("delete from callout where id = any(:ids)")
			.bind("ids", this.callouts.toArray(UUID[]::new))
			.then()
			.block(TIMEOUT);
	}

	@Test
	void firstWave_asksEveryEligibleHelper_andNobodyElse() {
		List<UUID> eligible = helpers(12, 2);
		eligible.add(helper().mobile().prefers("SMS").insert());
		List<UUID> notEligible = List.of(this.helpers.helper("rosdorf", ACTIVITY).skills(this.skill).insert(),
				this.helpers.helper(PLACE, "fahrdienst").skills(this.skill).insert(),
				this.helpers.helper(PLACE, ACTIVITY).insert(), helper().emailUnverified().insert(),
				helper().emailConsentWithdrawn().insert(), helper().pausedUntil(this.now.plusSeconds(86_400)).insert(),
				helper().maxAsksPerWeek(0).insert(), helper().erased().insert());
		UUID callout = callout(10);

		// 10 open slots at 20 % would be 50 asks; only 13 helpers may be asked.
		assertThat(plan(callout, this.now)).isEqualTo(13);

		assertThat(askedHelpers(callout)).containsExactlyInAnyOrderElementsOf(eligible)
			.doesNotContainAnyElementsOf(notEligible);
		assertThat(channels(callout)).containsEntry(eligible.get(12), "SMS");
		assertThat(waves(callout)).containsExactly(List.of(1, 13));
	}

	@Test
	void createdCallout_isPlannedThroughTheDispatchStream_andCounted() {
		List<UUID> pool = helpers(3, 2);
		double asks = this.meters.counter("zeitspende.waves.asks").count();
		long planned = this.meters.timer("zeitspende.waves.planning", "outcome", "planned").count();
		UUID callout = createThroughApi();

		assertThat(consumeOnceItArrives(Instant.now())).isEqualTo(1);

		assertThat(askedHelpers(callout)).containsExactlyInAnyOrderElementsOf(pool);
		assertThat(pendingJobs()).isZero();
		// Other tests' callouts may be planned meanwhile: at least this wave is counted.
		assertThat(this.meters.counter("zeitspende.waves.asks").count()).isGreaterThanOrEqualTo(asks + 3);
		assertThat(this.meters.timer("zeitspende.waves.planning", "outcome", "planned").count()).isGreaterThan(planned);
	}

	@Test
	void consumeOnSchedule_takesTheTimeOnEveryRun() {
		// Spring subscribes to the one Mono again on every run.
		Mono<Void> scheduled = this.consumer.consumeOnSchedule();
		List<UUID> pool = helpers(3, 2);
		UUID callout = createThroughApi();

		Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
			scheduled.block(TIMEOUT);
			assertThat(askedHelpers(callout)).containsExactlyInAnyOrderElementsOf(pool);
		});
	}

	private UUID createThroughApi() {
		Instant start = this.now.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		String coordinator = Tokens.of(this.environment)
			.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
		String id = this.client.post()
			.uri("/api/callouts")
			.headers((headers) -> headers.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("activity", ACTIVITY, "place", PLACE, "startsAt", start, "endsAt",
					start.plus(Duration.ofHours(2)), "needed", 1, "skills", List.of(this.skill)))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Map.class)
			.getResponseBody()
			.blockFirst(TIMEOUT)
			.get("id")
			.toString();
		UUID callout = UUID.fromString(id);
		this.callouts.add(callout);
		return callout;
	}

	@Test
	void waveSize_followsTheAcceptanceRateLearnedForTheActivity() {
		helpers(40, 21);
		// A finished callout of the activity: all 50 asked said yes.
		UUID finished = callout(50);
		this.database.sql("""
				insert into wave (callout_id, number, size, planned_at) values (:id, 1, 50, now())""")
			.bind("id", finished)
			.then()
			.block(TIMEOUT);
		this.database.sql("update callout set filled = 50, status = 'FILLED' where id = :id")
			.bind("id", finished)
			.then()
			.block(TIMEOUT);
		UUID callout = callout(3);

		// (50 + 0.2 x 50) / (50 + 50) = 60 %: 3 open slots ask 5, not 15.
		assertThat(plan(callout, this.now)).isEqualTo(5);
	}

	@Test
	void jobLeftUnacknowledgedByACrashedConsumer_isTakenOverAndPlannedOnce() {
		helpers(8, 2);
		UUID callout = callout(1);
		this.jobs.publish(callout).block(TIMEOUT);
		// The crashed replica took the job and never acknowledged it.
		assertThat(this.jobs.take("crashed", 10).collectList().block(TIMEOUT)).singleElement()
			.satisfies((job) -> assertThat(job.calloutId()).isEqualTo(callout));
		assertThat(pendingJobs()).isEqualTo(1);

		// Not idle long enough yet: left alone.
		assertThat(this.consumer.consume("replica-b", Duration.ofMinutes(1), this.now).block(TIMEOUT)).isZero();
		assertThat(askedHelpers(callout)).isEmpty();

		assertThat(this.consumer.consume("replica-b", Duration.ZERO, this.now).block(TIMEOUT)).isEqualTo(1);
		assertThat(askedHelpers(callout)).hasSize(5);
		assertThat(pendingJobs()).isZero();

		// The job comes again (published twice): no second wave before it is due.
		this.jobs.publish(callout).block(TIMEOUT);
		assertThat(this.consumer.consume("replica-c", Duration.ZERO, this.now).block(TIMEOUT)).isEqualTo(1);
		assertThat(askedHelpers(callout)).hasSize(5);
		assertThat(waves(callout)).hasSize(1);
	}

	@Test
	void sameWavePlannedConcurrently_asksEachHelperOnce() {
		helpers(30, 2);
		UUID callout = callout(2);

		List<Integer> planned = Flux.range(0, 8)
			.flatMap((i) -> this.planner.planWave(callout, this.now).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(TIMEOUT);

		assertThat(planned.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
		assertThat(planned).filteredOn((asked) -> asked > 0).containsExactly(10);
		assertThat(askedHelpers(callout)).hasSize(10).doesNotHaveDuplicates();
		assertThat(waves(callout)).containsExactly(List.of(1, 10));
	}

	@Test
	void twoCalloutsAtOnce_neverPickTheSameHelper() {
		List<UUID> pool = helpers(10, 2);
		UUID first = callout(1);
		UUID second = callout(1);

		Mono.zip(this.planner.planWave(first, this.now).subscribeOn(Schedulers.parallel()),
				this.planner.planWave(second, this.now).subscribeOn(Schedulers.parallel()))
			.block(TIMEOUT);

		assertThat(askedHelpers(first)).hasSize(5).doesNotContainAnyElementsOf(askedHelpers(second));
		assertThat(union(askedHelpers(first), askedHelpers(second))).containsExactlyInAnyOrderElementsOf(pool);
	}

	@Test
	void manyCallouts_spreadTheirAsksEvenlyOverEquallyEligibleHelpers() {
		List<UUID> pool = helpers(10, 21);
		List<UUID> many = IntStream.range(0, 30).mapToObj((i) -> callout(1)).toList();

		Flux.fromIterable(many)
			.flatMap((callout) -> this.planner.planWave(callout, this.now).subscribeOn(Schedulers.parallel()), 4)
			.then()
			.block(TIMEOUT);

		Map<UUID, Long> asks = many.stream()
			.flatMap((callout) -> askedHelpers(callout).stream())
			.collect(Collectors.groupingBy((helper) -> helper, Collectors.counting()));
		assertThat(asks.keySet()).containsExactlyInAnyOrderElementsOf(pool);
		assertThat(asks.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(150);
		long most = asks.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		long fewest = asks.values().stream().mapToLong(Long::longValue).min().orElseThrow();
		assertThat(most - fewest).isLessThanOrEqualTo(1);
	}

	@Test
	void waveNotStored_givesItsPicksBack() {
		List<UUID> pool = helpers(3, 2);
		UUID callout = callout(1);
		List<Double> before = rotationScores(pool);
		// A real failure inside the planning transaction: storing this callout's wave.
		String fail = "fail_wave_" + callout.toString().replace("-", "");
		execute("create function " + fail + "() returns trigger language plpgsql as $$ begin if new.callout_id = '"
				+ callout + "' then raise exception 'wave not stored'; end if; return new; end $$; create trigger "
				+ fail + " before insert on wave for each row execute function " + fail + "()");
		try {
			assertThatException().isThrownBy(() -> plan(callout, this.now)).withMessageContaining("wave not stored");
		}
		finally {
			execute("drop trigger " + fail + " on wave; drop function " + fail + "()");
		}

		assertThat(rotationScores(pool)).isEqualTo(before);
		assertThat(this.redis.opsForSet().size("co:{" + callout + "}:asked").block(TIMEOUT)).isZero();
		assertThat(plan(callout, this.now)).isEqualTo(3);
		assertThat(askedHelpers(callout)).containsExactlyInAnyOrderElementsOf(pool);
	}

	@Test
	void secondWave_followsWhenTheFirstDidNotFill() {
		helpers(12, 2);
		UUID callout = callout(2);
		assertThat(plan(callout, this.now)).isEqualTo(10);

		// A day before the start the pause is the longest, two hours.
		Instant beforeDue = this.now.plus(Duration.ofMinutes(119));
		assertThat(this.nextWaves.poll(beforeDue).block(TIMEOUT)).isZero();
		assertThat(plan(callout, beforeDue)).isZero();

		Instant due = this.now.plus(Duration.ofHours(2));
		assertThat(this.nextWaves.poll(due).block(TIMEOUT)).isEqualTo(1);
		assertThat(this.nextWaves.poll(due).block(TIMEOUT)).as("claimed once").isZero();
		assertThat(this.consumer.consume("replica-a", Duration.ofMinutes(1), due).block(TIMEOUT)).isEqualTo(1);

		assertThat(askedHelpers(callout)).hasSize(12).doesNotHaveDuplicates();
		assertThat(waves(callout)).containsExactly(List.of(1, 10), List.of(2, 2));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "filled = needed, status = 'FILLED'", "status = 'CANCELLED', cancelled_at = now()" })
	void noFurtherWave_whenFilledOrCancelled(String closed) {
		helpers(12, 2);
		UUID callout = callout(2);
		plan(callout, this.now);
		this.database.sql("update callout set " + closed + " where id = :id").bind("id", callout).then().block(TIMEOUT);

		Instant due = this.now.plus(Duration.ofHours(2));
		assertThat(plan(callout, due)).isZero();
		assertThat(this.nextWaves.poll(due.plusSeconds(3600)).block(TIMEOUT)).isZero();
		assertThat(askedHelpers(callout)).hasSize(10);
	}

	@Test
	void withdrawal_asksTheNextWaveAtOnce() {
		helpers(12, 2);
		UUID callout = callout(2);
		plan(callout, this.now);
		Instant later = this.now.plusSeconds(60);

		this.events.publishEvent(new HelperWithdrew(callout, this.tenant.id(), UUID.randomUUID(), later));

		assertThat(consumeOnceItArrives(later)).isEqualTo(1);
		assertThat(waves(callout)).containsExactly(List.of(1, 10), List.of(2, 2));
	}

	@Test
	void calloutBecomesExhausted_whenThePoolRunsDry() {
		helpers(3, 2);
		UUID callout = callout(5);
		assertThat(plan(callout, this.now)).isEqualTo(3);

		// Asks still waiting to be sent may yet be answered: no end while they wait.
		Instant due = this.now.plus(Duration.ofHours(2));
		assertThat(plan(callout, due)).isZero();
		assertThat(status(callout)).isEqualTo("OPEN");

		this.database.sql("update ask set status = 'SENT' where callout_id = :id")
			.bind("id", callout)
			.then()
			.block(TIMEOUT);
		Instant later = due.plus(Duration.ofHours(2));
		assertThat(plan(callout, later)).isZero();

		assertThat(status(callout)).isEqualTo("EXHAUSTED");
		assertThat(this.exhaustions).singleElement().satisfies((exhausted) -> {
			assertThat(exhausted.calloutId()).isEqualTo(callout);
			assertThat(exhausted.filled()).isZero();
			assertThat(exhausted.needed()).isEqualTo(5);
		});
		assertThat(this.nextWaves.poll(later.plusSeconds(86_400)).block(TIMEOUT)).isZero();
	}

	@Test
	void calloutWithoutAnyCandidate_isExhaustedAtOnce() {
		UUID callout = callout(3);

		assertThat(plan(callout, this.now)).isZero();

		assertThat(status(callout)).isEqualTo("EXHAUSTED");
		assertThat(this.exhaustions).singleElement()
			.satisfies((exhausted) -> assertThat(exhausted.calloutId()).isEqualTo(callout));
	}

	@Test
	void askBudget_isHonoured() {
		UUID spent = helper().maxAsksPerWeek(1).insert();
		UUID halfSpent = helper().maxAsksPerWeek(2).insert();
		UUID earlier = callout(1);
		this.outbox
			.enqueue(earlier, List.of(new PlannedAsk(spent, Channel.EMAIL), new PlannedAsk(halfSpent, Channel.EMAIL)))
			.block(TIMEOUT);
		UUID callout = callout(1);

		assertThat(plan(callout, this.now)).isEqualTo(1);

		assertThat(askedHelpers(callout)).containsExactly(halfSpent);
	}

	@Test
	void quietHours_holdEmailUntilTheyEnd_andSkipSms() {
		LocalTime quietFrom = LocalTime.ofInstant(this.now.minus(Duration.ofHours(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES);
		Instant quietEnd = this.now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		LocalTime quietUntil = LocalTime.ofInstant(quietEnd, ZoneOffset.UTC);
		UUID byEmail = helper().quietHours(quietFrom.toString(), quietUntil.toString(), "UTC").insert();
		UUID bySms = helper().mobile()
			.prefers("SMS")
			.quietHours(quietFrom.toString(), quietUntil.toString(), "UTC")
			.insert();
		UUID awake = helper().insert();
		UUID callout = callout(1);

		assertThat(plan(callout, this.now)).isEqualTo(2);

		assertThat(askedHelpers(callout)).containsExactlyInAnyOrder(byEmail, awake).doesNotContain(bySms);
		assertThat(notBefore(callout, byEmail)).isEqualTo(quietEnd);
		assertThat(notBefore(callout, awake)).isBefore(this.now.plusSeconds(60));
	}

	@Test
	void smsHelperInQuietHours_isAskedOnceTheyEnd() {
		LocalTime quietFrom = LocalTime.ofInstant(this.now.minus(Duration.ofHours(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES);
		LocalTime quietUntil = LocalTime.ofInstant(this.now.plus(Duration.ofHours(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES);
		UUID bySms = helper().withoutEmail()
			.mobile()
			.prefers("SMS")
			.quietHours(quietFrom.toString(), quietUntil.toString(), "UTC")
			.insert();
		UUID callout = callout(1);

		assertThat(plan(callout, this.now)).isZero();
		assertThat(status(callout)).isEqualTo("OPEN");
		assertThat(waves(callout)).containsExactly(List.of(1, 0));

		assertThat(plan(callout, this.now.plus(Duration.ofHours(2)))).isEqualTo(1);
		assertThat(askedHelpers(callout)).containsExactly(bySms);
	}

	private HelperRows.Builder helper() {
		return this.helpers.helper(PLACE, ACTIVITY).skills(this.skill);
	}

	private List<UUID> helpers(int count, int maxAsksPerWeek) {
		return new ArrayList<>(
				IntStream.range(0, count).mapToObj((i) -> helper().maxAsksPerWeek(maxAsksPerWeek).insert()).toList());
	}

	// A callout for this test's skill, starting in a day.
	private UUID callout(int needed) {
		UUID id = new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(), ACTIVITY, PLACE,
				this.now.plus(Duration.ofDays(1)), needed, this.skill);
		this.callouts.add(id);
		return id;
	}

	// Event listeners put their job on the stream without holding up the publisher: take
	// jobs until one came.
	private long consumeOnceItArrives(Instant at) {
		AtomicLong done = new AtomicLong();
		Awaitility.await()
			.atMost(TIMEOUT)
			.until(() -> done
				.addAndGet(this.consumer.consume("replica-a", Duration.ofMinutes(1), at).block(TIMEOUT)) > 0);
		return done.get();
	}

	private void execute(String sql) {
		this.database.sql(sql).then().block(TIMEOUT);
	}

	// Never asked counts as 0, as in the rotation.
	private List<Double> rotationScores(List<UUID> helpers) {
		List<Double> scores = this.redis.opsForZSet()
			.score("rotation", helpers.stream().map(UUID::toString).toArray())
			.block(TIMEOUT);
		return scores.stream().map((score) -> (score != null) ? score : 0.0).toList();
	}

	private int plan(UUID callout, Instant at) {
		return this.planner.planWave(callout, at).block(TIMEOUT);
	}

	private List<UUID> askedHelpers(UUID callout) {
		return this.database.sql("select helper_id from ask where callout_id = :id")
			.bind("id", callout)
			.map((row) -> row.get("helper_id", UUID.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private Map<UUID, String> channels(UUID callout) {
		return this.database.sql("select helper_id, channel from ask where callout_id = :id")
			.bind("id", callout)
			.map((row) -> Map.entry(row.get("helper_id", UUID.class), row.get("channel", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(TIMEOUT);
	}

	private Instant notBefore(UUID callout, UUID helper) {
		return this.database.sql("select next_attempt_at from ask where callout_id = :id and helper_id = :helper")
			.bind("id", callout)
			.bind("helper", helper)
			.map((row) -> row.get("next_attempt_at", OffsetDateTime.class).toInstant())
			.one()
			.block(TIMEOUT);
	}

	// Each wave as [number, size], in order.
	private List<List<Integer>> waves(UUID callout) {
		return this.database.sql("select number, size from wave where callout_id = :id order by number")
			.bind("id", callout)
			.map((row) -> List.of(row.get("number", Integer.class), row.get("size", Integer.class)))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private String status(UUID callout) {
		return this.database.sql("select status from callout where id = :id")
			.bind("id", callout)
			.map((row) -> row.get("status", String.class))
			.one()
			.block(TIMEOUT);
	}

	private long pendingJobs() {
		return this.redis.opsForStream()
			.pending(DispatchJobs.STREAM, DispatchJobs.GROUP)
			.map((summary) -> summary.getTotalPendingMessages())
			.block(TIMEOUT);
	}

	// Other tests create callouts through the API, which puts jobs on the stream: they
	// are none of this test's business. One command: the group comes back on first use.
	private void drainDispatchStream() {
		this.redis.delete(DispatchJobs.STREAM).block(TIMEOUT);
	}

	private static Set<UUID> union(Collection<UUID> first, Collection<UUID> second) {
		Set<UUID> union = new HashSet<>(first);
		union.addAll(second);
		return union;
	}

}
