package org.zeitspende.config.embedded;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EmbeddedDatastoresIntegrationTests {

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	Environment environment;

	@Test
	void withoutConfiguredDatastores_embeddedOnesRunOnLoopback() {
		assertThat(this.environment.getProperty("spring.r2dbc.url")).startsWith("r2dbc:postgresql://127.0.0.1:");
		assertThat(this.environment.getProperty("spring.data.redis.url")).startsWith("redis://127.0.0.1:");
	}

	@Test
	void postgres_isMigrated() {
		this.database.sql("select max(version::int) from flyway_schema_history where success")
			.map((row) -> row.get(0, Integer.class))
			.one()
			.as(StepVerifier::create)
			.assertNext((version) -> assertThat(version).isGreaterThanOrEqualTo(2))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void redis_runsLikeProduction() {
		this.redis.execute((connection) -> connection.serverCommands().getConfig("*"))
			.next()
			.as(StepVerifier::create)
			.assertNext((config) -> {
				assertThat(config.getProperty("maxmemory-policy")).isEqualTo("noeviction");
				assertThat(config.getProperty("appendonly")).isEqualTo("yes");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
