package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planning that does not finish is rolled back after the planning timeout: it lets go
 * of its transaction and of the callout's lock, and the callout is planned on the next
 * try. Here the planning waits for the callout's lock, which another transaction holds as
 * a stuck planning would.
 */
@IntegrationTest
@TestPropertySource(properties = "zeitspende.waves.planning-timeout=2s")
class WavePlanningTimeoutIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	WavePlanner planner;

	@Autowired
	DatabaseClient database;

	@Autowired
	ConnectionFactory connections;

	@Test
	void aPlanningThatHangs_isRolledBack_andTheNextTryPlansTheWave() {
		Tenants.Tenant tenant = new Tenants(this.database).approved();
		String skill = "timeout-" + UUID.randomUUID().toString().substring(0, 8);
		new HelperRows(this.database).helper("walkenried", "begegnungscafe").skills(skill).insert();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id(), "begegnungscafe",
				"walkenried", Instant.now().plus(Duration.ofDays(1)), 1, skill);
		Connection stuck = Mono.from(this.connections.create()).block(TIMEOUT);
		try {
			Mono.from(stuck.beginTransaction()).block(TIMEOUT);
			Mono.from(stuck.createStatement("select pg_advisory_xact_lock($1)")
				.bind("$1", callout.getMostSignificantBits() ^ callout.getLeastSignificantBits())
				.execute()).flatMap((result) -> Mono.from(result.getRowsUpdated())).block(TIMEOUT);

			StepVerifier.create(this.planner.planWave(callout, Instant.now()))
				.expectError(TimeoutException.class)
				.verify(TIMEOUT);
			assertThat(waves(callout)).isZero();
		}
		finally {
			Mono.from(stuck.rollbackTransaction()).then(Mono.from(stuck.close())).block(TIMEOUT);
		}

		assertThat(this.planner.planWave(callout, Instant.now()).block(TIMEOUT)).isOne();
		assertThat(waves(callout)).isOne();
	}

	private long waves(UUID callout) {
		return this.database.sql("select count(*) from wave where callout_id = :callout")
			.bind("callout", callout)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

}
