package org.zeitspende.testing;

import java.time.Duration;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * Disturbs a running Redis from a connection of its own, while the service keeps its
 * connections: the service sees a real pause or a real disconnect.
 */
public final class RedisFaults implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	/**
	 * Connects.
	 * @param url the Redis URL, as in {@code spring.data.redis.url}
	 */
	public RedisFaults(String url) {
		this.client = RedisClient.create(url);
		this.connection = this.client.connect();
	}

	/**
	 * Redis answers no client for a while ({@code CLIENT PAUSE <ms> ALL}); commands sent
	 * meanwhile run afterwards, in order.
	 * @param duration how long
	 * @return completes once Redis has taken the command
	 */
	public Mono<Void> pause(Duration duration) {
		return this.connection.reactive().clientPause(duration.toMillis()).then();
	}

	/**
	 * Closes every other ordinary client's connection ({@code CLIENT KILL TYPE normal
	 * SKIPME yes}): Lettuce reconnects and sends again what was not answered.
	 * @return completes once Redis has closed them
	 */
	public Mono<Void> dropConnections() {
		return this.connection.reactive().clientKill(KillArgs.Builder.typeNormal().skipme()).then();
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
