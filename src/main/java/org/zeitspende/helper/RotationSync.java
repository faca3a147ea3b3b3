package org.zeitspende.helper;

import java.time.Duration;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.zeitspende.rotation.RotationIndex;

/**
 * Brings every reachable helper into the rotation at start-up, so that a fresh or flushed
 * Redis asks the same people PostgreSQL knows. Helpers verified later join as they
 * verify.
 */
@Component
@Order(20)
class RotationSync implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(RotationSync.class);

	private final DatabaseClient database;

	private final RotationIndex rotation;

	RotationSync(DatabaseClient database, RotationIndex rotation) {
		this.database = database;
		this.rotation = rotation;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up runs on the main thread, so waiting here blocks no event loop.
		Long added = this.rotation.addIfAbsent(reachableHelperIds()).block(Duration.ofMinutes(2));
		log.info("Rotation index holds " + this.rotation.size().block(Duration.ofSeconds(10)) + " helpers (" + added
				+ " added from PostgreSQL)");
	}

	// At least one verified channel; consent and budgets are checked when a callout
	// selects.
	private Flux<UUID> reachableHelperIds() {
		return this.database.sql("""
				select id from helper
				where erased_at is null and (email_verified_at is not null or mobile_verified_at is not null)""")
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

}
