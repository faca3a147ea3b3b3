package org.zeitspende.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What Redis itself says about a benchmark's stalls: its latency monitor (events longer
 * than 100 ms, such as a slow AOF write or fsync), the slow log, and the AOF's delayed
 * fsyncs. A command that times out in the client while Redis reports no stall points at
 * the client side instead.
 */
final class RedisStalls {

	private static final Log log = LogFactory.getLog(RedisStalls.class);

	private static final String THRESHOLD_MS = "100";

	private final RedisConnectionFactory factory;

	RedisStalls(RedisConnectionFactory factory) {
		this.factory = factory;
	}

	// The test's Redis starts empty, with no latency events or slow log yet.
	void watch() {
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.serverCommands().setConfig("latency-monitor-threshold", THRESHOLD_MS);
			connection.serverCommands().setConfig("slowlog-log-slower-than", THRESHOLD_MS + "000");
			connection.serverCommands().resetConfigStats();
		}
	}

	@SuppressWarnings("unchecked")
	void report() {
		try (RedisConnection connection = this.factory.getConnection()) {
			Properties persistence = connection.serverCommands().info("persistence");
			log.warn("Redis AOF: delayed fsyncs " + persistence.getProperty("aof_delayed_fsync") + ", last write "
					+ persistence.getProperty("aof_last_write_status") + ", rewrites "
					+ persistence.getProperty("aof_rewrites"));
			RedisAsyncCommands<byte[], byte[]> commands = (RedisAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			log.warn("Redis latency events over " + THRESHOLD_MS + " ms: " + text(await(commands.dispatch(
					Latency.LATENCY, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE),
					new CommandArgs<>(ByteArrayCodec.INSTANCE).add("LATEST")))));
			log.warn("Redis slow log: " + text(await(commands.slowlogGet(10))));
			Properties stats = connection.serverCommands().info("commandstats");
			stats.stringPropertyNames()
				.stream()
				.filter((name) -> name.contains("zmscore") || name.contains("evalsha"))
				.forEach((name) -> log.warn("Redis " + name + ": " + stats.getProperty(name)));
		}
	}

	private static Object await(RedisFuture<?> reply) {
		try {
			return reply.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return "(" + ex + ")";
		}
	}

	// Replies of LATENCY and SLOWLOG are nested lists of numbers and byte strings.
	private static String text(Object reply) {
		if (reply instanceof byte[] bytes) {
			String string = new String(bytes, StandardCharsets.UTF_8);
			return (string.length() > 80) ? string.substring(0, 80) + "…" : string;
		}
		if (reply instanceof List<?> list) {
			return list.stream().map(RedisStalls::text).toList().toString();
		}
		return String.valueOf(reply);
	}

	// Lettuce has no command type of its own for LATENCY.
	private enum Latency implements ProtocolKeyword {

		LATENCY;

		@Override
		public byte[] getBytes() {
			return name().getBytes(StandardCharsets.US_ASCII);
		}

	}

}
