package org.zeitspende.confirmation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.AnswerBurst;
import org.zeitspende.testing.AnswerBurst.Reply;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.ConfirmationInvariants;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.SecondInstance;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance of the service runs on a Redis of its own, which then stops: every
 * yes goes to PostgreSQL alone, and the count is still exact. The tests' instance and its
 * Redis are left alone.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConfirmationWithoutRedisIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	SlotReconciler reconciler;

	RedisServer ownRedis;

	SecondInstance instance;

	Tenant tenant;

	@BeforeEach
	void startInstanceOnItsOwnRedis() throws IOException {
		int port = freePort();
		this.ownRedis = RedisServer.builder()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		this.ownRedis.start();
		// A short command timeout, so that each request learns soon that Redis is gone.
		this.instance = SecondInstance.start("spring.data.redis.url=redis://127.0.0.1:" + port,
				"spring.data.redis.timeout=500ms");
		this.tenant = new Tenants(this.database).approved();
	}

	@AfterEach
	void stop() throws IOException {
		this.instance.close();
		this.ownRedis.stop();
	}

	@Test
	void redisGoneMidService_postgresAloneConfirmsExactlyTheSlots(CapturedOutput output) throws IOException {
		UUID callout = new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), 20);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 200);
		this.ownRedis.stop();

		Map<Asked, Reply> replies;
		try (AnswerBurst burst = new AnswerBurst(this.instance.port())) {
			replies = burst.acceptAll(helpers);
		}

		assertThat(replies.values()).allSatisfy(ConfirmationInvariants::assertOutcomeOrRetryLater);
		assertThat(AnswerBurst.helpers(replies, "CONFIRMED")).hasSize(20);
		ConfirmationInvariants invariants = new ConfirmationInvariants(this.database, this.redis);
		invariants.assertHold(callout, AnswerBurst.helpers(replies, "CONFIRMED"));
		assertThat(invariants.status(callout)).isEqualTo("FILLED");
		// A fresh instance: the gate's first failure in full, the others counted, not a
		// line per yes (200 before).
		assertThat(output).containsOnlyOnce("Slot gate in Redis unavailable, PostgreSQL decides alone: ");
		// The counters a reachable Redis gets are PostgreSQL's.
		this.reconciler.reconcile(Instant.now()).block(TIMEOUT);
		invariants.assertRedisAgrees(callout);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
