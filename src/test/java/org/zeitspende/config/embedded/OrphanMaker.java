package org.zeitspende.config.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.apache.commons.logging.LogFactory;

/**
 * Starts an embedded PostgreSQL in its own JVM and waits to be killed, leaving the server
 * behind as a JVM killed with SIGKILL would.
 */
final class OrphanMaker {

	private OrphanMaker() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer.start(Path.of(args[0]), LogFactory.getLog(OrphanMaker.class));
		Files.writeString(Path.of(args[1]), "started");
		new CountDownLatch(1).await();
	}

}
