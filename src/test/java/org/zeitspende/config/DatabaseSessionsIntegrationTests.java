package org.zeitspende.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DatabaseSessionsIntegrationTests {

	@Autowired
	DatabaseClient database;

	@Test
	void jit_isOffInTheServicesSessions() {
		String jit = this.database.sql("show jit")
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(jit).isEqualTo("off");
	}

}
