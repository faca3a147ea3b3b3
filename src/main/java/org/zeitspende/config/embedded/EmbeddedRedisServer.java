package org.zeitspende.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import redis.embedded.RedisServer;

/**
 * A Redis server from the binary of a Maven artifact, configured like production
 * ({@code noeviction}, append-only file) and keeping its data across restarts.
 */
final class EmbeddedRedisServer {

	private final RedisServer redis;

	private final int port;

	private final Log log;

	private EmbeddedRedisServer(RedisServer redis, int port, Log log) {
		this.redis = redis;
		this.port = port;
		this.log = log;
	}

	static EmbeddedRedisServer start(Path dataDir, int port, Log log) {
		Path pidFile = dataDir.resolve("redis.pid");
		OrphanedServers.stop(pidFile, "redis", log);
		try {
			Files.createDirectories(dataDir);
			RedisServer redis = RedisServer.builder()
				.port(port)
				.bind("127.0.0.1")
				.setting("dir \"" + dataDir + "\"")
				.setting("pidfile \"" + pidFile + "\"")
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("maxmemory-policy noeviction")
				.build();
			redis.start();
			log.info("Embedded Redis listens on 127.0.0.1:" + port);
			return new EmbeddedRedisServer(redis, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis in " + dataDir, ex);
		}
	}

	int port() {
		return this.port;
	}

	void stop() {
		try {
			this.redis.stop();
		}
		catch (RuntimeException ex) {
			this.log.warn("Could not stop the embedded Redis cleanly", ex);
		}
	}

}
