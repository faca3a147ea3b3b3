package org.zeitspende.config.embedded;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FlywayDefaultsTests {

	@Test
	void r2dbcUrlOnly_migratesTheSameDatabaseWithTheSameUser() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.example.org:5433/zeitspende")
			.withProperty("spring.r2dbc.username", "zs")
			.withProperty("spring.r2dbc.password", "secret");
		assertThat(FlywayDefaults.from(environment))
			.containsEntry("spring.flyway.url", "jdbc:postgresql://db.example.org:5433/zeitspende")
			.containsEntry("spring.flyway.user", "zs")
			.containsEntry("spring.flyway.password", "secret");
	}

	@Test
	void explicitFlywayUser_isKept() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db/zeitspende")
			.withProperty("spring.r2dbc.username", "app")
			.withProperty("spring.flyway.user", "owner");
		assertThat(FlywayDefaults.from(environment))
			.containsEntry("spring.flyway.url", "jdbc:postgresql://db/zeitspende")
			.doesNotContainKey("spring.flyway.user");
	}

	@Test
	void r2dbcUrlWithOptions_needsAnExplicitJdbcUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.r2dbc.url",
				"r2dbc:postgresql://db/zeitspende?sslMode=require");
		assertThatIllegalStateException().isThrownBy(() -> FlywayDefaults.from(environment))
			.withMessageContaining("SPRING_FLYWAY_URL");
	}

}
