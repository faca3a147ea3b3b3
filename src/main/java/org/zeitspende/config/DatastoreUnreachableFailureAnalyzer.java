package org.zeitspende.config;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a failed start because PostgreSQL or Redis is out of reach into one clear line
 * that names the datastore and where it was looked for.
 */
class DatastoreUnreachableFailureAnalyzer implements FailureAnalyzer {

	private static final String ACTION = """
			Check that the datastore runs and that the URL and credentials are right \
			(SPRING_R2DBC_URL, SPRING_FLYWAY_URL, SPRING_DATA_REDIS_URL). \
			Without any of them the service starts embedded datastores of its own.""";

	private final Environment environment;

	DatastoreUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof DatastoreUnreachableException unreachable) {
				return analysis(unreachable.datastore(), unreachable.location(), rootCause(cause));
			}
			// Flyway connects first, over JDBC.
			if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
				String url = this.environment.getProperty("spring.flyway.url", "(no spring.flyway.url)");
				return analysis("PostgreSQL", DatastoreLocations.withoutCredentials(url), rootCause(cause));
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(String datastore, String location, Throwable rootCause) {
		String description = datastore + " could not be reached at " + location + ": " + rootCause.getMessage();
		return new FailureAnalysis(description, ACTION, rootCause);
	}

	// SQLSTATE class 08 is "connection exception", 28 is "invalid authorization".
	private static boolean isConnectionFailure(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("28"));
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
