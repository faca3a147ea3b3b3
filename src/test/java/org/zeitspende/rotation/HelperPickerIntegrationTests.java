package org.zeitspende.rotation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.lettuce.core.RedisCommandTimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.RedisFaults;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HelperPickerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	HelperPicker picker;

	@Autowired
	FairnessReport fairness;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	WebTestClient client;

	@Autowired
	RotationRedis rotationRedis;

	@Autowired
	@Qualifier(RotationConfiguration.GIVE_BACK_SCRIPT)
	RedisScript<Long> giveBackScript;

	@Autowired
	Environment environment;

	Tokens tokens;

	Instant forgetAfter = Instant.now().plus(2, ChronoUnit.DAYS);

	@BeforeEach
	void tokens() {
		this.tokens = Tokens.of(this.environment);
	}

	@Test
	void pick_returnsTheLeastRecentlyAsked_andMovesThemToNow() {
		List<UUID> helpers = helpers(5);
		lastAsked(helpers.get(0), 3000);
		lastAsked(helpers.get(1), 1000);
		lastAsked(helpers.get(2), 2000);
		lastAsked(helpers.get(3), 500);
		// helpers.get(4) is not in the rotation at all: never asked
		long before = Instant.now().minusSeconds(5).toEpochMilli();

		this.picker.pick(UUID.randomUUID(), helpers, 3, this.forgetAfter)
			.map(Pick::helpers)
			.as(StepVerifier::create)
			.assertNext((picked) -> assertThat(picked).containsExactly(helpers.get(4), helpers.get(3), helpers.get(1)))
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(lastAsked(helpers.get(4))).isGreaterThan(before);
		assertThat(lastAsked(helpers.get(3))).isGreaterThan(before);
		assertThat(lastAsked(helpers.get(1))).isGreaterThan(before);
		assertThat(lastAsked(helpers.get(0))).isEqualTo(3000);
		assertThat(lastAsked(helpers.get(2))).isEqualTo(2000);
	}

	@Test
	void pick_neverReturnsAHelperAlreadyAskedForTheSameCallout() {
		UUID callout = UUID.randomUUID();
		List<UUID> helpers = helpers(3);
		List<UUID> first = pick(callout, helpers, 2);
		List<UUID> second = pick(callout, helpers, 2);
		List<UUID> third = pick(callout, helpers, 2);

		assertThat(first).hasSize(2);
		assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
		assertThat(third).isEmpty();
		assertThat(this.redis.getExpire(RedisKeys.asked(callout)).block(TIMEOUT)).isPositive();
	}

	@Test
	void giveBack_restoresTheRotation_andLetsTheCalloutAskThemAgain() {
		UUID callout = UUID.randomUUID();
		List<UUID> helpers = helpers(3);
		lastAsked(helpers.get(0), 1000);
		lastAsked(helpers.get(1), 2000);
		// helpers.get(2) was never asked
		Pick pick = this.picker.pick(callout, helpers, 2, this.forgetAfter).block(TIMEOUT);
		assertThat(pick.helpers()).containsExactly(helpers.get(2), helpers.get(0));
		double countBefore = picks(helpers.get(0));

		this.picker.giveBack(pick).as(StepVerifier::create).expectComplete().verify(TIMEOUT);

		assertThat(lastAsked(helpers.get(0))).isEqualTo(1000);
		assertThat(lastAsked(helpers.get(2))).isZero();
		assertThat(picks(helpers.get(0))).isEqualTo(countBefore - 1);
		assertThat(pick(callout, helpers, 2)).containsExactlyInAnyOrder(helpers.get(2), helpers.get(0));
	}

	@Test
	void giveBack_keepsTheNewerScoreOfAHelperPickedAgainSince() {
		List<UUID> helpers = helpers(1);
		Pick first = this.picker.pick(UUID.randomUUID(), helpers, 1, this.forgetAfter).block(TIMEOUT);
		pick(UUID.randomUUID(), helpers, 1);
		double newer = lastAsked(helpers.get(0));

		this.picker.giveBack(first).block(TIMEOUT);

		assertThat(lastAsked(helpers.get(0))).isEqualTo(newer);
		assertThat(picks(helpers.get(0))).isEqualTo(1);
	}

	@Test
	void pick_whoseScriptCallFails_givesBackTheHelpersTheOtherCallsMarked() throws IOException {
		UUID callout = UUID.randomUUID();
		List<UUID> helpers = helpers(2000);
		List<Double> before = lastAskedInOrder(helpers);
		// Seven calls of 250 could go, four at a time; the second fails, the first, third
		// and
		// fourth mark theirs, and at most one more starts before the failure is known.
		String calls = "test:calls:" + callout;
		HelperPicker picker = pickerRunningFirst("redis.call('INCR', '" + calls + "') if ARGV[4] == '"
				+ helpers.get(250) + "' then return redis.error_reply('chunk failed') end");

		picker.pick(callout, helpers, helpers.size(), this.forgetAfter)
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasStackTraceContaining("chunk failed"))
			.verify(TIMEOUT);

		assertGivenBack(callout, helpers, before);
		assertThat(this.redis.opsForValue().getAndDelete(calls).block(TIMEOUT)).isIn("4", "5");
		forget(helpers);
	}

	@Test
	void pick_cancelledWhileItsCallsRun_givesBackWhatTheyMarkOnceTheyEnd() throws IOException {
		UUID callout = UUID.randomUUID();
		List<UUID> helpers = helpers(1000);
		List<Double> before = lastAskedInOrder(helpers);
		// Three calls of 250 go at once; the second holds Redis for 300 ms, and the
		// pick is given up after 100 ms, when the first has marked its helpers and two
		// are under way.
		HelperPicker picker = pickerRunningFirst("if ARGV[4] == '" + helpers.get(250)
				+ "' then local t = redis.call('TIME') local stop = t[1] * 1000000 + t[2] + 300000"
				+ " repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] >= stop end");

		picker.pick(callout, helpers, helpers.size(), this.forgetAfter)
			.timeout(Duration.ofMillis(100))
			.as(StepVerifier::create)
			.expectError(TimeoutException.class)
			.verify(TIMEOUT);

		Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertGivenBack(callout, helpers, before));
		forget(helpers);
	}

	// Distinct scores 1, 2, 3, ...: the helpers are picked in their order, 250 per call.
	private List<Double> lastAskedInOrder(List<UUID> helpers) {
		List<Double> scores = IntStream.rangeClosed(1, helpers.size()).mapToObj((i) -> (double) i).toList();
		IntStream.range(0, helpers.size()).forEach((i) -> lastAsked(helpers.get(i), scores.get(i)));
		return scores;
	}

	@SuppressWarnings("rawtypes")
	private HelperPicker pickerRunningFirst(String lua) throws IOException {
		String source = new ClassPathResource("redis/pick_least_recently_asked.lua")
			.getContentAsString(StandardCharsets.UTF_8);
		RedisScript<List> script = RedisScript.of(lua + "\n" + source, List.class);
		return new HelperPicker(this.rotationRedis, script, this.giveBackScript);
	}

	private void assertGivenBack(UUID callout, List<UUID> helpers, List<Double> before) {
		Object[] ids = helpers.stream().map(UUID::toString).toArray();
		assertThat(this.redis.opsForZSet().score(RedisKeys.ROTATION, ids).block(TIMEOUT)).isEqualTo(before);
		assertThat(this.redis.opsForSet().size(RedisKeys.asked(callout)).block(TIMEOUT)).isZero();
		assertThat(this.redis.opsForZSet().score(RedisKeys.ASKS, ids).block(TIMEOUT))
			.allMatch((picks) -> picks == null || picks == 0);
	}

	@Test
	void pick_forAnotherCallout_mayAskTheSameHelperAgain() {
		List<UUID> helpers = helpers(1);
		assertThat(pick(UUID.randomUUID(), helpers, 1)).containsExactlyElementsOf(helpers);
		assertThat(pick(UUID.randomUUID(), helpers, 1)).containsExactlyElementsOf(helpers);
	}

	@Test
	void pick_amongThousandsOfCandidates_findsTheNeverAskedInOneCall() {
		List<UUID> helpers = helpers(3000);
		List<UUID> neverAsked = helpers.subList(2990, 3000);
		Set<TypedTuple<String>> asked = new HashSet<>();
		helpers.subList(0, 2990).forEach((helper) -> asked.add(TypedTuple.of(helper.toString(), 1000.0)));
		this.redis.opsForZSet().addAll(RedisKeys.ROTATION, asked).block(TIMEOUT);

		this.picker.pick(UUID.randomUUID(), helpers, 10, this.forgetAfter)
			.map(Pick::helpers)
			.as(StepVerifier::create)
			.assertNext((picked) -> assertThat(picked).containsExactlyInAnyOrderElementsOf(neverAsked))
			.expectComplete()
			.verify(TIMEOUT);

		forget(helpers);
	}

	@Test
	void pick_aWaveLargerThanOneScriptCall_picksInRotationOrder() {
		List<UUID> helpers = helpers(2500);
		Set<TypedTuple<String>> asked = new HashSet<>();
		for (int i = 0; i < helpers.size(); i++) {
			asked.add(TypedTuple.of(helpers.get(i).toString(), 1000.0 + i));
		}
		this.redis.opsForZSet().addAll(RedisKeys.ROTATION, asked).block(TIMEOUT);
		List<UUID> shuffled = new ArrayList<>(helpers);
		Collections.shuffle(shuffled);

		this.picker.pick(UUID.randomUUID(), shuffled, 2400, this.forgetAfter)
			.map(Pick::helpers)
			.as(StepVerifier::create)
			.assertNext((picked) -> assertThat(picked).containsExactlyElementsOf(helpers.subList(0, 2400)))
			.expectComplete()
			.verify(TIMEOUT);
		// Marked in the same order, though several calls were under way at once: the
		// rotation now holds them least recently asked first, as they were before (a
		// call marks its helpers with one score).
		List<Double> scores = this.redis.opsForZSet()
			.score(RedisKeys.ROTATION, helpers.subList(0, 2400).stream().map(UUID::toString).toArray())
			.block(TIMEOUT);
		assertThat(scores).doesNotContainNull().isSortedAccordingTo(Comparator.naturalOrder());
		assertThat(scores.get(0)).isGreaterThan(1000.0 + helpers.size());

		forget(helpers);
	}

	@Test
	void pick_whileRedisPausesLongerThanTheSharedCommandTimeout_waitsOnItsOwnConnection() {
		List<UUID> helpers = helpers(3);
		Duration sharedTimeout = this.environment.getRequiredProperty("spring.data.redis.timeout", Duration.class);
		try (RedisFaults faults = new RedisFaults(this.environment.getRequiredProperty("spring.data.redis.url"))) {
			faults.pause(sharedTimeout.plusSeconds(1)).block(TIMEOUT);

			StepVerifier.create(this.redis.opsForZSet().size(RedisKeys.ROTATION))
				.as("a command on the shared connection meanwhile")
				.expectErrorSatisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(RedisCommandTimeoutException.class))
				.verify(TIMEOUT);
			this.picker.pick(UUID.randomUUID(), helpers, 3, this.forgetAfter)
				.map(Pick::helpers)
				.as(StepVerifier::create)
				.assertNext((picked) -> assertThat(picked).containsExactlyInAnyOrderElementsOf(helpers))
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	// A small wave is picked in one script call, a large one in several at once.
	@ParameterizedTest
	@CsvSource({ "20, 10", "2000, 1000" })
	void twoCalloutsPickingAtOnce_spreadOverDifferentHelpers(int pool, int wave) {
		List<UUID> helpers = helpers(pool);

		Flux.merge(this.picker.pick(UUID.randomUUID(), helpers, wave, this.forgetAfter).map(Pick::helpers),
				this.picker.pick(UUID.randomUUID(), helpers, wave, this.forgetAfter).map(Pick::helpers))
			.collectList()
			.as(StepVerifier::create)
			.assertNext((picks) -> {
				assertThat(picks).hasSize(2).allSatisfy((picked) -> assertThat(picked).hasSize(wave));
				assertThat(picks.get(0)).doesNotContainAnyElementsOf(picks.get(1));
			})
			.expectComplete()
			.verify(TIMEOUT);

		forget(helpers);
	}

	@Test
	void manyPicksOnOneCalloutAtOnce_askEveryHelperExactlyOnce() {
		UUID callout = UUID.randomUUID();
		List<UUID> helpers = helpers(100);

		Flux.range(0, 20)
			.flatMap((i) -> this.picker.pick(callout, helpers, 5, this.forgetAfter))
			.flatMapIterable(Pick::helpers)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((picked) -> assertThat(picked).hasSize(100)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(helpers))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void manyCalloutsOnOnePool_askEveryHelperEquallyOften() {
		List<UUID> helpers = helpers(100);
		// Some helpers start out rested longer than others.
		for (int i = 0; i < 30; i++) {
			lastAsked(helpers.get(i), 1000 + i);
		}

		Flux.range(0, 50)
			.flatMap((i) -> this.picker.pick(UUID.randomUUID(), helpers, 10, this.forgetAfter))
			.then(this.fairness.of(helpers))
			.as(StepVerifier::create)
			.assertNext((distribution) -> {
				assertThat(distribution.helpers()).isEqualTo(100);
				assertThat(distribution.mean()).isEqualTo(5.0);
				assertThat(distribution.max() - distribution.min()).isLessThanOrEqualTo(1);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void fairnessEndpoint_reportsTheDistributionWithoutContactData() {
		List<UUID> helpers = helpers(3);
		pick(UUID.randomUUID(), helpers, 3);

		byte[] body = this.client.get()
			.uri("/api/admin/fairness")
			.headers((headers) -> headers.setBearerAuth(this.tokens.operator(UUID.randomUUID())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.helpers")
			.value((Number helpersInRotation) -> assertThat(helpersInRotation.longValue()).isGreaterThanOrEqualTo(3))
			.jsonPath("$.max")
			.value((Number max) -> assertThat(max.longValue()).isGreaterThanOrEqualTo(1))
			.jsonPath("$.histogram")
			.isMap()
			.returnResult()
			.getResponseBody();
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(helpers.get(0).toString())
			.doesNotContain("@");
	}

	private List<UUID> pick(UUID callout, List<UUID> helpers, int count) {
		return this.picker.pick(callout, helpers, count, this.forgetAfter).map(Pick::helpers).block(TIMEOUT);
	}

	// The embedded Redis keeps its data between runs: leave no thousands behind.
	private void forget(List<UUID> helpers) {
		Object[] ids = helpers.stream().map(UUID::toString).toArray();
		this.redis.opsForZSet().remove(RedisKeys.ROTATION, ids).block(TIMEOUT);
		this.redis.opsForZSet().remove(RedisKeys.ASKS, ids).block(TIMEOUT);
	}

	private static List<UUID> helpers(int count) {
		List<UUID> helpers = new ArrayList<>();
		IntStream.range(0, count).forEach((i) -> helpers.add(UUID.randomUUID()));
		return helpers;
	}

	private void lastAsked(UUID helper, double millis) {
		this.redis.opsForZSet().add(RedisKeys.ROTATION, helper.toString(), millis).block(TIMEOUT);
	}

	private double picks(UUID helper) {
		return this.redis.opsForZSet().score(RedisKeys.ASKS, helper.toString()).block(TIMEOUT);
	}

	private double lastAsked(UUID helper) {
		return this.redis.opsForZSet().score(RedisKeys.ROTATION, helper.toString()).block(TIMEOUT);
	}

}
