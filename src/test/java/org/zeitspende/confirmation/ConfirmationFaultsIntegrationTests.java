package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.AnswerBurst;
import org.zeitspende.testing.AnswerBurst.Reply;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.ConfirmationInvariants;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.RedisFaults;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.config.TemporarilyUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis and PostgreSQL fail under a burst of yeses, for real: Redis pauses longer than
 * the command timeout or drops its connections, PostgreSQL refuses a callout's answers or
 * loses its connections. Each test checks the invariants on the final rows; an answer is
 * an outcome or a 503 with {@code Retry-After}, never a "confirmed" without a row.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConfirmationFaultsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	SlotReconciler reconciler;

	@Value("${spring.data.redis.url}")
	String redisUrl;

	@Value("${spring.data.redis.timeout}")
	Duration commandTimeout;

	@LocalServerPort
	int port;

	AnswerBurst burst;

	ConfirmationInvariants invariants;

	RedisFaults faults;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.burst = new AnswerBurst(this.port);
		this.invariants = new ConfirmationInvariants(this.database, this.redis);
		this.faults = new RedisFaults(this.redisUrl);
		this.tenant = new Tenants(this.database).approved();
	}

	@AfterEach
	void tearDown() {
		this.burst.close();
		this.faults.close();
	}

	@Test
	void redisPausedLongerThanTheCommandTimeout_midBurst_postgresDecides_andNothingIsTakenTwice(CapturedOutput output) {
		// Slots are left after the first wave, so the yeses after it need the gate (a yes
		// for a callout PostgreSQL has filled is answered without it).
		UUID callout = callout(250);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 400);
		AtomicInteger sent = new AtomicInteger();
		Duration pause = this.commandTimeout.plusSeconds(2);

		// The first request after the first wave goes out once a reply came: the gate is
		// busy.
		Map<Asked, Reply> replies = this.burst.acceptAll(helpers,
				(asked) -> (sent.incrementAndGet() != AnswerBurst.IN_FLIGHT + 1) ? Mono.just(asked)
						: this.faults.pause(pause).thenReturn(asked));

		assertThat(output).as("requests that waited longer than the command timeout")
			.contains("Slot gate in Redis unavailable, PostgreSQL decides alone: Redis command timed out");
		assertThat(replies.values()).allSatisfy(ConfirmationInvariants::assertOutcomeOrRetryLater);
		assertThat(AnswerBurst.helpers(replies, "CONFIRMED")).hasSize(250);
		this.invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		// Reservations that ran after the pause, when the service had stopped waiting
		// for them, decremented once per helper they added.
		this.invariants.assertRedisInStep(callout);
		reconcile();
		this.invariants.assertRedisAgrees(callout);
	}

	@Test
	void redisConnectionsDroppedMidBurst_lettuceSendsAgain_andNothingIsTakenTwice() {
		UUID callout = callout(30);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 300);
		AtomicInteger sent = new AtomicInteger();

		Map<Asked, Reply> replies = this.burst.acceptAll(helpers, (asked) -> (sent.incrementAndGet() % 100 != 0)
				? Mono.just(asked) : this.faults.dropConnections().thenReturn(asked));

		assertThat(replies.values()).allSatisfy(ConfirmationInvariants::assertOutcomeOrRetryLater);
		assertThat(AnswerBurst.helpers(replies, "CONFIRMED")).hasSize(30);
		this.invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		this.invariants.assertRedisInStep(callout);
		reconcile();
		this.invariants.assertRedisAgrees(callout);
	}

	@Test
	void postgresRefusingTheAnswers_gives503WithRetryAfter_andTheReservationsBack() {
		UUID callout = callout(5);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 5);
		Map<Asked, Reply> replies;
		refuseAnswersTo(callout);
		try {
			replies = this.burst.acceptAll(helpers);
		}
		finally {
			acceptAnswersAgain(callout);
		}

		assertThat(replies.values()).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.retryAfter())
				.isEqualTo(Long.toString(TemporarilyUnavailableException.RETRY_AFTER_SECONDS));
		});
		this.invariants.assertHold(callout, Set.of());
		// Every reservation was given back, without a reconciliation.
		this.invariants.assertRedisAgrees(callout);
		// Trying again works.
		Map<Asked, Reply> again = this.burst.acceptAll(helpers);
		assertThat(AnswerBurst.helpers(again, "CONFIRMED")).hasSize(5);
		this.invariants.assertHold(callout, AnswerBurst.helpers(again, "CONFIRMED"));
		this.invariants.assertRedisAgrees(callout);
	}

	@Test
	void postgresConnectionsTerminatedMidBurst_answersOutcomesOr503_neverAConfirmedWithoutARow() {
		UUID callout = callout(30);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 300);
		AtomicInteger sent = new AtomicInteger();

		Map<Asked, Reply> replies = this.burst.acceptAll(helpers, (asked) -> (sent.incrementAndGet() % 100 != 0)
				? Mono.just(asked) : terminateBusyConnections().thenReturn(asked));

		assertThat(replies.values()).allSatisfy(ConfirmationInvariants::assertOutcomeOrRetryLater);
		// A commit whose acknowledgement was lost with its connection answers 503, yet
		// may have taken a slot.
		this.invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"),
				AnswerBurst.helpers(replies, (reply) -> reply.status() == 503));
		reconcile();
		this.invariants.assertRedisAgrees(callout);
	}

	// A trigger that fails every answer to this callout only, as a full disk or a
	// broken constraint would.
	private void refuseAnswersTo(UUID callout) {
		execute("""
				create or replace function refuse_answer_for_test() returns trigger language plpgsql as $$
				begin
				  raise exception 'answers refused for the test';
				end $$""");
		execute("create trigger " + trigger(callout)
				+ " before insert on confirmation for each row when (new.callout_id = '" + callout
				+ "') execute function refuse_answer_for_test()");
	}

	private void acceptAnswersAgain(UUID callout) {
		execute("drop trigger " + trigger(callout) + " on confirmation");
	}

	private static String trigger(UUID callout) {
		return "refuse_" + callout.toString().replace("-", "");
	}

	// Connections in the middle of a statement or a transaction, which are the
	// service's under a burst; idle ones of other test contexts are left alone, and so
	// is a termination sent a moment earlier that is still running.
	private Mono<Void> terminateBusyConnections() {
		return this.database.sql("""
				select pg_terminate_backend(pid) from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
				and state <> 'idle' and query not like '%pg_terminate_backend%'""").fetch().all().then();
	}

	private void execute(String sql) {
		this.database.sql(sql).then().block(TIMEOUT);
	}

	private void reconcile() {
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
	}

	private UUID callout(int needed) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), needed);
	}

}
