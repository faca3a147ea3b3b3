package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open callout whose first dispatch job never reached the stream is found again; the
 * pollers put its job there. Only the query is run here: dispatching every such callout
 * of the shared test database would plan waves for other tests' callouts.
 */
@IntegrationTest
class FirstWaveRecoveryIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	WaveRepository waves;

	@Autowired
	DatabaseClient database;

	Tenant tenant;

	CalloutRows callouts;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.callouts = new CalloutRows(this.database);
	}

	@AfterEach
	void tearDown() {
		this.database.sql("delete from callout where organisation_id = :organisation")
			.bind("organisation", this.tenant.id())
			.then()
			.block(TIMEOUT);
	}

	@Test
	void openCalloutWithoutAWave_isFoundOnceItWaitedLongEnough() {
		Instant now = Instant.now();
		UUID lost = open(now.plus(Duration.ofDays(1)));
		UUID planned = open(now.plus(Duration.ofDays(1)));
		execute("insert into wave (callout_id, number, size, planned_at) values ('" + planned + "', 1, 0, now())");
		UUID exhausted = open(now.plus(Duration.ofDays(1)));
		execute("update callout set status = 'EXHAUSTED' where id = '" + exhausted + "'");
		UUID started = open(now.plus(Duration.ofMinutes(30)));

		assertThat(found(now.minusSeconds(60), now)).doesNotContain(lost);
		List<UUID> found = found(now.plusSeconds(60), now.plus(Duration.ofHours(1)));
		assertThat(found).contains(lost).doesNotContain(planned, exhausted, started);
	}

	private UUID open(Instant start) {
		return this.callouts.open(this.tenant.id(), this.tenant.coordinator().id(), start);
	}

	private List<UUID> found(Instant createdBefore, Instant now) {
		return this.waves.withoutFirstWave(createdBefore, now, 10_000).collectList().block(TIMEOUT);
	}

	private void execute(String sql) {
		this.database.sql(sql).then().block(TIMEOUT);
	}

}
