package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.context.ApplicationContext;
import org.zeitspende.testing.AnswerBurst;
import org.zeitspende.testing.AnswerBurst.Reply;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.ConfirmationInvariants;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.SecondInstance;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service share one PostgreSQL and one Redis, as two replicas do,
 * and a burst of yeses is split across both: the invariants hold, and once the callout is
 * filled neither instance's relay sends an ask for it.
 */
@IntegrationTest
class TwoInstancesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	// The ask relay is internal to its feature; both instances' relays are polled by
	// name.
	private static final String RELAY = "askRelay";

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	SlotReconciler reconciler;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	SecondInstance second;

	Tenant tenant;

	@BeforeEach
	void startSecondInstance() {
		this.second = SecondInstance.start();
		this.tenant = new Tenants(this.database).approved();
	}

	@AfterEach
	void stopSecondInstance() {
		this.second.close();
	}

	@Test
	void burstSplitAcrossTwoInstances_fillsExactly_andNeitherRelaySendsAfterwards() {
		UUID callout = new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), 20);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 200);
		Map<Asked, Reply> replies;
		try (AnswerBurst first = new AnswerBurst(this.port); AnswerBurst other = new AnswerBurst(this.second.port())) {
			replies = Flux.fromIterable(helpers)
				.index()
				.flatMap((indexed) -> ((indexed.getT1() % 2 == 0) ? first : other).accept(indexed.getT2().token())
					.map((reply) -> Map.entry(indexed.getT2(), reply)), AnswerBurst.IN_FLIGHT)
				.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
				.block(Duration.ofSeconds(120));
		}

		assertThat(replies.values()).allSatisfy(ConfirmationInvariants::assertOutcomeOrRetryLater);
		assertThat(AnswerBurst.helpers(replies, "CONFIRMED")).hasSize(20);
		ConfirmationInvariants invariants = new ConfirmationInvariants(this.database, this.redis);
		invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		assertThat(invariants.status(callout)).isEqualTo("FILLED");
		invariants.assertRedisInStep(callout);
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		invariants.assertRedisAgrees(callout);

		// An ask planned for the filled callout is not sent, whichever instance polls.
		for (Poller relay : List.of(poller(this.context.getBean(RELAY)), poller(this.second.bean(RELAY)))) {
			Asked late = new AskRows(this.database).asked(callout, 1).get(0);
			pending(late);
			relay.poll();
			assertThat(askStatus(late)).isEqualTo("SKIPPED");
			assertThat(inbox(this.port, late)).isZero();
			assertThat(inbox(this.second.port(), late)).isZero();
		}
	}

	private static Poller poller(Object relay) {
		return () -> ReflectionTestUtils.<Mono<Long>>invokeMethod(relay, "poll", Instant.now()).block(TIMEOUT);
	}

	// Back to an ask the relay has yet to send.
	private void pending(Asked asked) {
		this.database.sql("""
				update ask set status = 'PENDING', attempts = 0, token_hash = null, next_attempt_at = now()
				where helper_id = :helper""").bind("helper", asked.helperId()).then().block(TIMEOUT);
	}

	private String askStatus(Asked asked) {
		return this.database.sql("select status from ask where helper_id = :helper")
			.bind("helper", asked.helperId())
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private int inbox(int port, Asked asked) {
		String email = new HelperRows(this.database).email(asked.helperId());
		List<?> messages = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.build()
			.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(email))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		return messages.size();
	}

	interface Poller {

		void poll();

	}

}
