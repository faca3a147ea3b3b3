package org.zeitspende.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;

/**
 * The embedded PostgreSQL and Redis of one JVM, each started on first use and stopped
 * after the last application context has closed. The data directory is locked first, so
 * two instances never share it.
 */
final class EmbeddedServers {

	private static DataDirectoryLock lock;

	private static EmbeddedPostgresServer postgres;

	private static EmbeddedRedisServer redis;

	private EmbeddedServers() {
	}

	static synchronized int postgresPort(Settings settings, Log log) {
		ownDataDirectory(settings, log);
		if (postgres == null) {
			postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), log);
		}
		return postgres.port();
	}

	static synchronized int redisPort(Settings settings, Log log) {
		ownDataDirectory(settings, log);
		if (redis == null) {
			redis = EmbeddedRedisServer.start(settings.dataDir().resolve("redis"), freePort(), log);
		}
		return redis.port();
	}

	private static void ownDataDirectory(Settings settings, Log log) {
		if (lock != null) {
			return;
		}
		lock = DataDirectoryLock.acquire(settings.dataDir());
		// Shutdown handlers run after all contexts are closed, so connections drain
		// first.
		SpringApplication.getShutdownHandlers().add(EmbeddedServers::stop);
		if (settings.fresh()) {
			log.info("Starting with fresh embedded data in " + settings.dataDir());
			OrphanedServers.stopAll(settings.dataDir(), log);
			deleteContents(settings.dataDir());
		}
		log.info("Embedded datastores keep their data in " + settings.dataDir());
	}

	private static synchronized void stop() {
		if (redis != null) {
			redis.stop();
		}
		if (postgres != null) {
			postgres.stop();
		}
		lock.release();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port for an embedded server", ex);
		}
	}

	// Everything but the lock file this JVM holds.
	private static void deleteContents(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder())
				.filter((path) -> !path.equals(dir) && !path.getFileName().toString().equals("zeitspende.lock"))
				.forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + dir, ex);
		}
	}

	record Settings(Path dataDir, boolean fresh) {
	}

}
