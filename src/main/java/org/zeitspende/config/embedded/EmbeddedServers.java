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
 * The embedded PostgreSQL and Redis of one JVM. Started on first use and stopped after
 * the last application context has closed.
 */
final class EmbeddedServers {

	private static EmbeddedServers instance;

	private final EmbeddedPostgresServer postgres;

	private final EmbeddedRedisServer redis;

	private EmbeddedServers(EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
		this.postgres = postgres;
		this.redis = redis;
	}

	static synchronized EmbeddedServers startOnce(Settings settings, Log log) {
		if (instance == null) {
			instance = start(settings, log);
			// Shutdown handlers run after all contexts are closed, so connections drain
			// first.
			SpringApplication.getShutdownHandlers().add(instance::stop);
		}
		return instance;
	}

	private static EmbeddedServers start(Settings settings, Log log) {
		if (settings.fresh()) {
			log.info("Starting with fresh embedded data in " + settings.dataDir());
			OrphanedServers.stopAll(settings.dataDir(), log);
			deleteRecursively(settings.dataDir());
		}
		log.info("Starting embedded PostgreSQL and Redis with data in " + settings.dataDir());
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), log);
		EmbeddedRedisServer redis = EmbeddedRedisServer.start(settings.dataDir().resolve("redis"), freePort(), log);
		return new EmbeddedServers(postgres, redis);
	}

	int postgresPort() {
		return this.postgres.port();
	}

	int redisPort() {
		return this.redis.port();
	}

	private void stop() {
		this.redis.stop();
		this.postgres.stop();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port for an embedded server", ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + dir, ex);
		}
	}

	record Settings(Path dataDir, boolean fresh) {
	}

}
