package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many helpers answer at once over HTTP; the invariants are checked on the final rows:
 * (a) confirmations never exceed the slots, (b) one answer per helper and callout, (c)
 * every "confirmed" answer has a committed row, and Redis agrees with PostgreSQL after
 * reconciling.
 */
@IntegrationTest
class ConfirmationConcurrencyIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	// Requests in flight at once; the server's connection pool to PostgreSQL is smaller.
	private static final int IN_FLIGHT = 200;

	private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([A-Z_]+)\"");

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	SlotReconciler reconciler;

	@LocalServerPort
	int port;

	WebClient http;

	Tenant tenant;

	@BeforeEach
	void client() {
		ConnectionProvider connections = ConnectionProvider.builder("burst")
			.maxConnections(IN_FLIGHT)
			.pendingAcquireMaxCount(-1)
			.build();
		this.http = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.build();
		this.tenant = new Tenants(this.database).approved();
	}

	@Test
	void twoThousandHelpersAtOnce_onFiftySlots_confirmExactlyFifty() {
		UUID callout = callout(50);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 2000);

		Map<Asked, Reply> replies = acceptAll(helpers, Mono::just);

		assertThat(replies.values()).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(200));
		assertThat(count(replies, "CONFIRMED")).isEqualTo(50);
		assertThat(count(replies, "FULL")).isEqualTo(1950);
		assertInvariants(callout, 50, confirmedHelpers(replies));
		assertThat(status(callout)).isEqualTo("FILLED");
		assertRedisAgrees(callout);
	}

	@Test
	void oneTokenPostedTwoHundredTimesAtOnce_confirmsOnce_andAnswersTheSame() {
		UUID callout = callout(5);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);

		List<Reply> replies = Flux.range(0, 200)
			.flatMap((attempt) -> accept(helper.token()), IN_FLIGHT)
			.collectList()
			.block(TIMEOUT);

		assertThat(replies).hasSize(200).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.outcome()).isEqualTo("CONFIRMED");
		});
		assertInvariants(callout, 5, Set.of(helper.helperId()));
		assertRedisAgrees(callout);
	}

	@Test
	void confirmAndWithdrawStorm_keepsTheInvariants() {
		UUID callout = callout(10);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 300);
		AtomicInteger withdrawn = new AtomicInteger();

		// Every helper says yes; every other one then withdraws, twice at once.
		List<Reply> replies = Flux.fromIterable(helpers).index().flatMap((indexed) -> {
			String token = indexed.getT2().token();
			Mono<Reply> yes = accept(token);
			if (indexed.getT1() % 2 == 1) {
				return yes.flatMapMany((first) -> Flux.concat(Mono.just(first),
						Flux.merge(post(token, "withdraw"), post(token, "withdraw"))));
			}
			return yes;
		}, IN_FLIGHT).doOnNext((reply) -> {
			if ("WITHDRAWN".equals(reply.outcome())) {
				withdrawn.incrementAndGet();
			}
		}).collectList().block(TIMEOUT);

		assertThat(replies).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(200));
		List<UUID> confirmed = answered(callout, "CONFIRMED");
		assertThat(confirmed).hasSizeLessThanOrEqualTo(10);
		assertThat(filled(callout)).isEqualTo(confirmed.size());
		assertThat(status(callout)).isEqualTo((confirmed.size() == 10) ? "FILLED" : "OPEN");
		assertThat(answered(callout, "WITHDRAWN")).isNotEmpty();
		assertRedisAgrees(callout);
	}

	@Test
	void redisKeysDeletedMidBurst_invariantsHold_andCountersRebuild() {
		UUID callout = callout(50);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 600);
		AtomicInteger sent = new AtomicInteger();

		// Every 100 requests the callout's keys vanish, as after a flush.
		Map<Asked, Reply> replies = acceptAll(helpers, (asked) -> ((sent.incrementAndGet() % 100) != 0)
				? Mono.just(asked) : this.redis.delete(SlotKeys.of(callout).toArray(String[]::new)).thenReturn(asked));

		assertThat(replies.values()).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(200));
		assertThat(count(replies, "CONFIRMED")).isEqualTo(50);
		assertInvariants(callout, 50, confirmedHelpers(replies));
		assertRedisAgrees(callout);
	}

	private Map<Asked, Reply> acceptAll(List<Asked> helpers, Function<Asked, Mono<Asked>> beforeEach) {
		return Flux.fromIterable(helpers)
			.flatMap((asked) -> beforeEach.apply(asked)
				.flatMap((each) -> accept(each.token()).map((reply) -> Map.entry(each, reply))), IN_FLIGHT)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(TIMEOUT);
	}

	private Mono<Reply> accept(String token) {
		return post(token, "accept");
	}

	private Mono<Reply> post(String token, String answer) {
		return this.http.post()
			.uri("/api/asks/{token}/{answer}", token, answer)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Reply(response.statusCode().value(), outcome(body))));
	}

	// Read by hand: thousands of replies decoded at once would contend for Jackson's
	// deserializer cache on the client's event loop.
	private static String outcome(String body) {
		Matcher outcome = OUTCOME.matcher(body);
		return outcome.find() ? outcome.group(1) : null;
	}

	private void assertInvariants(UUID callout, int needed, Set<UUID> confirmedReplies) {
		List<UUID> confirmed = answered(callout, "CONFIRMED");
		// (a) and (b): the primary key holds one answer per helper.
		assertThat(confirmed).hasSizeLessThanOrEqualTo(needed);
		assertThat(filled(callout)).isEqualTo(confirmed.size());
		// (c) every "confirmed" answer has its row, and no row lacks its answer.
		assertThat(Set.copyOf(confirmed)).isEqualTo(confirmedReplies);
	}

	private void assertRedisAgrees(UUID callout) {
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		List<String> keys = SlotKeys.of(callout);
		int open = ("OPEN".equals(status(callout))) ? needed(callout) - filled(callout) : 0;
		assertThat(this.redis.opsForValue().get(keys.get(0)).block(TIMEOUT)).isEqualTo(Integer.toString(open));
		assertThat(this.redis.opsForSet().members(keys.get(1)).map(UUID::fromString).collectList().block(TIMEOUT))
			.containsExactlyInAnyOrderElementsOf(answered(callout, "CONFIRMED"));
		// Once rebuilt, a second pass finds nothing to fix.
		assertThat(this.reconciler.reconcile(Instant.now()).block(TIMEOUT))
			.as("drift after a rebuild, across all live callouts")
			.isNotNegative();
	}

	private static long count(Map<Asked, Reply> replies, String outcome) {
		return replies.values().stream().filter((reply) -> outcome.equals(reply.outcome())).count();
	}

	private static Set<UUID> confirmedHelpers(Map<Asked, Reply> replies) {
		return replies.entrySet()
			.stream()
			.filter((entry) -> "CONFIRMED".equals(entry.getValue().outcome()))
			.map((entry) -> entry.getKey().helperId())
			.collect(Collectors.toSet());
	}

	private UUID callout(int needed) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), needed);
	}

	private List<UUID> answered(UUID callout, String answer) {
		return this.database.sql("select helper_id from confirmation where callout_id = :id and answer = :answer")
			.bind("id", callout)
			.bind("answer", answer)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private int filled(UUID callout) {
		return column(callout, "filled", Integer.class);
	}

	private int needed(UUID callout) {
		return column(callout, "needed", Integer.class);
	}

	private String status(UUID callout) {
		return column(callout, "status", String.class);
	}

	private <T> T column(UUID callout, String column, Class<T> type) {
		return this.database.sql("select " + column + " from callout where id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, type))
			.one()
			.block(TIMEOUT);
	}

	record Reply(int status, String outcome) {
	}

}
