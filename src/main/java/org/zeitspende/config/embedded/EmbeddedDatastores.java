package org.zeitspende.config.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL and a real Redis on free loopback ports when no datastore is
 * configured, so that the service runs with one command and no installation.
 * <p>
 * Configuring {@code spring.r2dbc.url} switches the embedded PostgreSQL off (and Flyway
 * then migrates the same database unless {@code spring.flyway.url} says otherwise),
 * configuring {@code spring.data.redis.url} (or {@code .host}) switches the embedded
 * Redis off, and {@code zeitspende.embedded.enabled=false} switches both off. The servers
 * are started at most once per JVM, so all application contexts of a test run share them.
 */
class EmbeddedDatastores implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "zeitspendeEmbeddedDatastores";

	private final Log log;

	EmbeddedDatastores(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDatastores.class);
	}

	@Override
	public int getOrder() {
		// After application.yml and profiles are loaded, so that their settings count.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("zeitspende.embedded.enabled", Boolean.class, true)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		if (!environment.containsProperty("spring.r2dbc.url")) {
			int port = EmbeddedServers.postgresPort(settings(environment), this.log);
			properties.put("zeitspende.embedded.postgres", true);
			properties.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres");
			properties.put("spring.r2dbc.username", "postgres");
			properties.put("spring.flyway.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
			properties.put("spring.flyway.user", "postgres");
		}
		else if (!environment.containsProperty("spring.flyway.url")) {
			properties.putAll(FlywayDefaults.from(environment));
		}
		if (!environment.containsProperty("spring.data.redis.url")
				&& !environment.containsProperty("spring.data.redis.host")) {
			int port = EmbeddedServers.redisPort(settings(environment), this.log);
			properties.put("zeitspende.embedded.redis", true);
			properties.put("spring.data.redis.url", "redis://127.0.0.1:" + port);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private static EmbeddedServers.Settings settings(ConfigurableEnvironment environment) {
		String dataDir = environment.getProperty("zeitspende.embedded.data-dir", ".zeitspende");
		boolean fresh = environment.getProperty("zeitspende.embedded.fresh", Boolean.class, false);
		return new EmbeddedServers.Settings(Path.of(dataDir).toAbsolutePath().normalize(), fresh);
	}

}
