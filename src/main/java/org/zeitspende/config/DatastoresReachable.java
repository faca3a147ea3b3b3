package org.zeitspende.config;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Fails the start fast, with the name of the datastore, when PostgreSQL (over R2DBC) or
 * Redis cannot be reached. Flyway has checked its own JDBC connection before this runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatastoresReachable implements ApplicationRunner {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	private final ReactiveRedisConnectionFactory redis;

	private final Environment environment;

	DatastoresReachable(ConnectionFactory connectionFactory, ReactiveRedisConnectionFactory redis,
			Environment environment) {
		this.database = DatabaseClient.create(connectionFactory);
		this.redis = redis;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up runs on the main thread, so waiting here blocks no event loop.
		check("PostgreSQL", "spring.r2dbc.url", this.database.sql("select 1").fetch().rowsUpdated().then());
		check("Redis", "spring.data.redis.url", Mono
			.usingWhen(Mono.fromSupplier(this.redis::getReactiveConnection), (connection) -> connection.ping(),
					(connection) -> connection.closeLater())
			.then());
	}

	private void check(String datastore, String urlProperty, Mono<Void> probe) {
		try {
			probe.block(TIMEOUT);
		}
		catch (RuntimeException ex) {
			String url = this.environment.getProperty(urlProperty, "(no " + urlProperty + ")");
			throw new DatastoreUnreachableException(datastore, DatastoreLocations.withoutCredentials(url), ex);
		}
	}

}
