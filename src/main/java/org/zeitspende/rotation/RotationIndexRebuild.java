package org.zeitspende.rotation;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDirectory;

/**
 * Brings every reachable helper into the rotation at start-up, so that a fresh or flushed
 * Redis asks the same people PostgreSQL knows.
 */
@Component
@Order(20)
class RotationIndexRebuild implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(RotationIndexRebuild.class);

	private final HelperDirectory helpers;

	private final RotationIndex rotation;

	RotationIndexRebuild(HelperDirectory helpers, RotationIndex rotation) {
		this.helpers = helpers;
		this.rotation = rotation;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up runs on the main thread, so waiting here blocks no event loop.
		Long added = this.rotation.addIfAbsent(this.helpers.reachableHelperIds()).block(Duration.ofMinutes(2));
		log.info("Rotation index holds " + this.rotation.size().block(Duration.ofSeconds(10)) + " helpers (" + added
				+ " added from PostgreSQL)");
	}

}
