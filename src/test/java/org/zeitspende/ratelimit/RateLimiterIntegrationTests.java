package org.zeitspende.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@TestPropertySource(
		properties = { "zeitspende.rate-limits.test-small.capacity=3", "zeitspende.rate-limits.test-small.period=1h",
				"zeitspende.rate-limits.test-tight.capacity=1", "zeitspende.rate-limits.test-tight.period=1h",
				"zeitspende.rate-limits.test-logged.capacity=1", "zeitspende.rate-limits.test-logged.period=1h",
				"zeitspende.rate-limits.test-fifty.capacity=50", "zeitspende.rate-limits.test-fifty.period=1h",
				"zeitspende.rate-limits.test-refill.capacity=2", "zeitspende.rate-limits.test-refill.period=1s",
				"zeitspende.rate-limits.test-http-ip.capacity=1000", "zeitspende.rate-limits.test-http-ip.period=1h",
				"zeitspende.rate-limits.test-http-user.capacity=2", "zeitspende.rate-limits.test-http-user.period=1h" })
@Import(RateLimiterIntegrationTests.ProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
class RateLimiterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	RateLimiter limiter;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebTestClient client;

	@Test
	void consume_upToCapacity_succeedsThenRefusesWithRetryAfter() {
		RateLimitKey key = new RateLimitKey("test-small", unique());
		takeAll(key, 3);
		RateLimitExceededException refusal = refusal(key);
		assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refusal.limit()).isEqualTo("test-small");
		// One token comes back every period / capacity = 20 minutes.
		assertThat(refusal.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
		assertThat(Long.parseLong(refusal.getHeaders().getFirst("Retry-After"))).isBetween(1L, 1200L);
	}

	@Test
	void consume_whenOneBucketIsEmpty_takesNothingFromTheOthers() {
		RateLimitKey empty = new RateLimitKey("test-tight", unique());
		RateLimitKey full = new RateLimitKey("test-small", unique());
		takeAll(empty, 1);
		assertThat(refusal(full, empty).limit()).isEqualTo("test-tight");
		takeAll(full, 3);
		assertThat(refusal(full).limit()).isEqualTo("test-small");
	}

	@Test
	void consume_whenSeveralBucketsAreEmpty_namesTheOneThatRefillsLast() {
		RateLimitKey emptyForAnHour = new RateLimitKey("test-tight", unique());
		RateLimitKey emptyForTwentyMinutes = new RateLimitKey("test-small", unique());
		takeAll(emptyForAnHour, 1);
		takeAll(emptyForTwentyMinutes, 3);
		RateLimitExceededException refusal = refusal(emptyForTwentyMinutes, emptyForAnHour);
		assertThat(refusal.limit()).isEqualTo("test-tight");
		assertThat(refusal.retryAfter()).isGreaterThan(Duration.ofMinutes(59));
	}

	@Test
	void consume_concurrently_grantsExactlyTheCapacity() {
		RateLimitKey key = new RateLimitKey("test-fifty", unique());
		Flux.range(0, 200)
			.flatMap((attempt) -> granted(key), 200)
			.filter(Boolean::booleanValue)
			.count()
			.as(StepVerifier::create)
			.expectNext(50L)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void consume_afterATokenRefilled_succeedsAgain() {
		RateLimitKey key = new RateLimitKey("test-refill", unique());
		takeAll(key, 2);
		// 2 tokens per second: one comes back every 500ms, both after a second.
		assertThat(refusal(key).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> consume(key).expectComplete().verify(TIMEOUT));
		assertThat(refusal(key).limit()).as("one token came back, not the whole bucket").isEqualTo("test-refill");
	}

	@Test
	void buckets_expireOnceTheyWouldBeFullAgain() {
		RateLimitKey key = new RateLimitKey("test-refill", unique());
		takeAll(key, 1);
		this.redis.getExpire(RateLimitKeys.of(key))
			.as(StepVerifier::create)
			.assertNext((ttl) -> assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)))
			.expectComplete()
			.verify(TIMEOUT);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.FALSE.equals(this.redis.hasKey(RateLimitKeys.of(key)).block(TIMEOUT)));
	}

	@Test
	void redisKeys_neverHoldTheRawSubject() {
		String number = "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		String email = "helper-" + UUID.randomUUID() + "@example.org";
		RateLimitKey byNumber = new RateLimitKey("test-small", number);
		RateLimitKey byEmail = new RateLimitKey("test-small", email);
		takeAll(byNumber, 1);
		takeAll(byEmail, 1);
		this.redis.keys("rl:*")
			.collectList()
			.as(StepVerifier::create)
			.assertNext((keys) -> assertThat(keys).contains(RateLimitKeys.of(byNumber), RateLimitKeys.of(byEmail))
				.noneMatch((key) -> key.contains("+49") || key.contains("@") || key.contains(number.substring(1))))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void consume_sameBucketTwice_takesOneToken() {
		RateLimitKey key = new RateLimitKey("test-tight", unique());
		consume(key, key).expectComplete().verify(TIMEOUT);
		assertThat(refusal(key).limit()).isEqualTo("test-tight");
	}

	@Test
	void consume_noBuckets_succeeds() {
		this.limiter.consume(List.of()).as(StepVerifier::create).expectComplete().verify(TIMEOUT);
	}

	@Test
	void consume_unknownLimit_failsAtOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.limiter.consume(List.of(new RateLimitKey("no-such-limit", "x"))))
			.withMessageContaining("no-such-limit")
			.withMessageContaining("test-small");
	}

	// A limit no other test uses, so that its first refusal is logged: then counted, not
	// logged one by one (a client over a limit could fill the log).
	@Test
	void refusals_areCountedEach_andLoggedAsAStreak_withoutTheSubject(CapturedOutput output) {
		String subject = "+49160" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		RateLimitKey key = new RateLimitKey("test-logged", subject);
		double before = exceededCount("test-logged");
		takeAll(key, 1);
		for (int i = 0; i < 20; i++) {
			refusal(key);
		}
		assertThat(exceededCount("test-logged")).isEqualTo(before + 20);
		assertThat(output).containsOnlyOnce("Rate limit test-logged exceeded; the client may retry after")
			.doesNotContain(subject);
	}

	@Test
	void refusals_areExportedForEveryLimitFromTheStart() {
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("zeitspende_rate_limit_exceeded_total{limit=\"sms-global\"}",
				"zeitspende_rate_limit_exceeded_total{limit=\"registration-per-ip\"}");
	}

	@Test
	void overTheLimit_answers429ProblemWithRetryAfterAndTheLimit() {
		String user = unique();
		probe(user).expectStatus().isOk();
		probe(user).expectStatus().isOk();
		String body = probe(user).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1800L))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body)
			.contains("\"type\":\"https://zeitspende.org/problems/rate-limited\"", "\"status\":429",
					"\"limit\":\"test-http-user\"")
			.doesNotContain(user, "Exception", "org.zeitspende");
	}

	private WebTestClient.ResponseSpec probe(String user) {
		return this.client.get().uri("/h/probe/rate-limited?user={user}", user).exchange();
	}

	private Mono<Boolean> granted(RateLimitKey key) {
		return this.limiter.consume(List.of(key))
			.thenReturn(true)
			.onErrorResume(RateLimitExceededException.class, (refused) -> Mono.just(false));
	}

	private void takeAll(RateLimitKey key, int tokens) {
		for (int i = 0; i < tokens; i++) {
			consume(key).expectComplete().verify(TIMEOUT);
		}
	}

	private RateLimitExceededException refusal(RateLimitKey... keys) {
		AtomicReference<Throwable> error = new AtomicReference<>();
		consume(keys).expectErrorSatisfies(error::set).verify(TIMEOUT);
		assertThat(error.get()).isInstanceOf(RateLimitExceededException.class);
		return (RateLimitExceededException) error.get();
	}

	private StepVerifier.FirstStep<Void> consume(RateLimitKey... keys) {
		return this.limiter.consume(List.of(keys)).as(StepVerifier::create);
	}

	private double exceededCount(String limit) {
		return this.meters.get(RedisRateLimiter.EXCEEDED_METRIC).tag("limit", limit).counter().count();
	}

	private static String unique() {
		return UUID.randomUUID().toString();
	}

	@RestController
	static class ProbeController {

		private final RateLimiter limiter;

		ProbeController(RateLimiter limiter) {
			this.limiter = limiter;
		}

		@GetMapping("/h/probe/rate-limited")
		Mono<Void> probe(@RequestParam String user, ServerWebExchange exchange) {
			return this.limiter.consume(List.of(new RateLimitKey("test-http-ip", ClientAddress.of(exchange)),
					new RateLimitKey("test-http-user", user)));
		}

	}

}
