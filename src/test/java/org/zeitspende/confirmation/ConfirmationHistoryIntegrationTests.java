package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
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
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request of a burst is recorded as an operation, invoked and then ok (with its
 * outcome), failed (an error status) or unknown (the client gave up waiting), and the
 * history is checked against the final rows: a client that gave up cannot tell whether
 * its yes was stored, so such a request may or may not hold a slot, and nothing else may.
 */
@IntegrationTest
class ConfirmationHistoryIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	// Short enough that, under a burst, many replies come too late.
	private static final Duration IMPATIENT = Duration.ofMillis(20);

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	SlotReconciler reconciler;

	@LocalServerPort
	int port;

	ConfirmationInvariants invariants;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.invariants = new ConfirmationInvariants(this.database, this.redis);
		this.tenant = new Tenants(this.database).approved();
	}

	@Test
	void historyOfABurst_withClientsThatGiveUp_agreesWithTheRows() {
		UUID callout = new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), 30);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 300);
		List<Operation> history;
		try (AnswerBurst patient = new AnswerBurst(this.port);
				AnswerBurst impatient = new AnswerBurst(this.port, IMPATIENT)) {
			// Every other helper gives up waiting after a few milliseconds.
			history = Flux.fromIterable(helpers)
				.index()
				.flatMap((indexed) -> ((indexed.getT1() % 2 == 0) ? impatient : patient).accept(indexed.getT2().token())
					.map((reply) -> Operation.of(indexed.getT2(), reply)), AnswerBurst.IN_FLIGHT)
				.collectList()
				.block(TIMEOUT);
		}

		assertThat(history).hasSize(300);
		assertThat(helpersWhere(history, Operation::unknown)).as("requests the client gave up on").isNotEmpty();
		assertThat(history).filteredOn(Operation::failed)
			.as("failed requests, which must have changed nothing")
			.allSatisfy((operation) -> assertThat(operation.status()).isEqualTo(503));
		Set<UUID> toldConfirmed = helpersWhere(history, (operation) -> "CONFIRMED".equals(operation.outcome()));
		this.invariants.assertHold(callout, toldConfirmed, helpersWhere(history, Operation::unknown));
		// More helpers wanted to come than there were slots: every slot is taken,
		// whatever the clients that gave up left behind.
		assertThat(this.invariants.confirmed(callout)).hasSize(30);
		this.invariants.assertRedisInStep(callout);
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		this.invariants.assertRedisAgrees(callout);
	}

	private static Set<UUID> helpersWhere(List<Operation> history, Predicate<Operation> which) {
		return history.stream().filter(which).map(Operation::helperId).collect(Collectors.toSet());
	}

	/**
	 * One request: invoked, then ok with an outcome, failed with a status, or unknown.
	 *
	 * @param helperId who asked
	 * @param status the HTTP status; 0 when unknown
	 * @param outcome the outcome when ok
	 */
	record Operation(UUID helperId, int status, String outcome) {

		static Operation of(Asked asked, Reply reply) {
			return new Operation(asked.helperId(), reply.status(), reply.outcome());
		}

		boolean unknown() {
			return this.status == 0;
		}

		boolean failed() {
			return this.status != 0 && this.status != 200;
		}

	}

}
