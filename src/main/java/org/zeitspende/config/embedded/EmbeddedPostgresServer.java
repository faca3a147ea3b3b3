package org.zeitspende.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

/**
 * A PostgreSQL server from the binaries of a Maven artifact, with its data directory kept
 * across restarts. As root it runs under a user namespace (zonky does this by itself),
 * because PostgreSQL refuses to run as root.
 */
final class EmbeddedPostgresServer {

	private final EmbeddedPostgres postgres;

	private final Log log;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Log log) {
		this.postgres = postgres;
		this.log = log;
	}

	static EmbeddedPostgresServer start(Path dataDir, Log log) {
		OrphanedServers.stop(dataDir.resolve("postmaster.pid"), "postgres", log);
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(EmbeddedServers.freePort())
				.setPGStartupWait(Duration.ofSeconds(60))
				// Development data only: speed over crash safety.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "200")
				.start();
			log.info("Embedded PostgreSQL listens on 127.0.0.1:" + postgres.getPort());
			return new EmbeddedPostgresServer(postgres, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			this.log.warn("Could not stop the embedded PostgreSQL cleanly", ex);
		}
	}

}
