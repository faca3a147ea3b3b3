package org.zeitspende.config.embedded;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

/**
 * Lets Flyway migrate the database the service uses when only the R2DBC URL is
 * configured: without a JDBC URL Flyway would silently not run at all.
 */
final class FlywayDefaults {

	private FlywayDefaults() {
	}

	/**
	 * The Flyway settings for the configured R2DBC database.
	 * @param environment with {@code spring.r2dbc.url} and without
	 * {@code spring.flyway.url}
	 * @return {@code spring.flyway.url}, {@code .user} and {@code .password}
	 * @throws IllegalStateException when the R2DBC URL carries options that have other
	 * names in JDBC, so that only an explicit JDBC URL is right
	 */
	static Map<String, Object> from(Environment environment) {
		String r2dbcUrl = environment.getRequiredProperty("spring.r2dbc.url");
		URI uri = URI.create(r2dbcUrl.substring("r2dbc:".length()));
		if (!r2dbcUrl.startsWith("r2dbc:postgresql://") || uri.getRawQuery() != null) {
			throw new IllegalStateException("SPRING_R2DBC_URL is set but SPRING_FLYWAY_URL is not, and the JDBC URL "
					+ "cannot be derived from it: set SPRING_FLYWAY_URL to the same database, e.g. "
					+ "jdbc:postgresql://db:5432/zeitspende?sslmode=require");
		}
		Map<String, Object> flyway = new LinkedHashMap<>();
		flyway.put("spring.flyway.url", "jdbc:postgresql://" + uri.getHost()
				+ ((uri.getPort() > 0) ? ":" + uri.getPort() : "") + uri.getPath());
		copy(environment, "spring.r2dbc.username", "spring.flyway.user", flyway);
		copy(environment, "spring.r2dbc.password", "spring.flyway.password", flyway);
		return flyway;
	}

	private static void copy(Environment environment, String from, String to, Map<String, Object> target) {
		String value = environment.getProperty(from);
		if (value != null && !environment.containsProperty(to)) {
			target.put(to, value);
		}
	}

}
