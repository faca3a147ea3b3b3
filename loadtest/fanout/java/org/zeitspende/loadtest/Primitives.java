package org.zeitspende.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.LettuceFutures;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The building blocks the fan-out stands on, measured on this machine in the same run, so
 * that the fan-out's figure is judged against what the hardware gives today.
 */
final class Primitives {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private Primitives() {
	}

	/**
	 * ZADD then ZPOPMIN of {@code count} members each, pipelined in batches of 1,000 on
	 * one connection.
	 * @return commands per second
	 */
	static double redisSortedSetOpsPerSecond(String redisUrl, int count) {
		RedisClient client = RedisClient.create(redisUrl);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisAsyncCommands<String, String> redis = connection.async();
			String key = "benchmark:zset:" + UUID.randomUUID();
			connection.setAutoFlushCommands(false);
			long start = System.nanoTime();
			for (int from = 0; from < count; from += 1000) {
				List<RedisFuture<?>> batch = new ArrayList<>(1000);
				for (int i = from; i < Math.min(from + 1000, count); i++) {
					batch.add(redis.zadd(key, i, "member-" + i));
				}
				connection.flushCommands();
				await(batch);
			}
			for (int from = 0; from < count; from += 1000) {
				List<RedisFuture<?>> batch = new ArrayList<>(1000);
				for (int i = from; i < Math.min(from + 1000, count); i++) {
					batch.add(redis.zpopmin(key));
				}
				connection.flushCommands();
				await(batch);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			connection.setAutoFlushCommands(true);
			redis.del(key);
			return 2.0 * count / seconds;
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Inserts of 100 rows in one statement (the ask outbox's shape), ten at a time, into a
	 * table made for the measurement and dropped after it.
	 * @return rows per second
	 */
	static double postgresBatchInsertRowsPerSecond(DatabaseClient database, int statements) {
		database.sql("""
				create table benchmark_insert (
				    id uuid primary key default gen_random_uuid(),
				    callout_id uuid not null, helper_id uuid not null, channel text not null,
				    created_at timestamptz not null default now())""").then().block(TIMEOUT);
		try {
			long start = System.nanoTime();
			Flux.range(0, statements).flatMap((i) -> {
				// SecureRandom would block the event loop this runs on.
				ThreadLocalRandom random = ThreadLocalRandom.current();
				UUID[] helpers = new UUID[100];
				String[] channels = new String[100];
				for (int row = 0; row < 100; row++) {
					helpers[row] = new UUID(random.nextLong(), random.nextLong());
					channels[row] = (row % 2 == 0) ? "SMS" : "EMAIL";
				}
				return database.sql("""
						insert into benchmark_insert (callout_id, helper_id, channel)
						select :callout, planned.helper_id, planned.channel
						from unnest(:helpers::uuid[], :channels::text[]) as planned (helper_id, channel)""")
					.bind("callout", helpers[0])
					.bind("helpers", helpers)
					.bind("channels", channels)
					.fetch()
					.rowsUpdated();
			}, 10).then().block(TIMEOUT);
			return statements * 100.0 / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			database.sql("drop table benchmark_insert").then().block(TIMEOUT);
		}
	}

	/**
	 * GET requests to a trivial server on loopback, 64 at a time over kept-alive
	 * connections.
	 * @return requests per second
	 */
	static double loopbackHttpRequestsPerSecond(int requests) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/", (request, response) -> response.sendString(Mono.just("ok"))))
			.bindNow();
		try {
			HttpClient client = HttpClient.create().baseUrl("http://127.0.0.1:" + server.port()).keepAlive(true);
			// Warm the connections and the JIT first.
			get(client, requests / 10);
			long start = System.nanoTime();
			get(client, requests);
			return requests / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			server.disposeNow();
		}
	}

	private static void get(HttpClient client, int requests) {
		Flux.range(0, requests)
			.flatMap((i) -> client.get().uri("/").responseSingle((response, body) -> body.asString()), 64)
			.then()
			.block(TIMEOUT);
	}

	private static void await(List<RedisFuture<?>> batch) {
		if (!LettuceFutures.awaitAll(TIMEOUT, batch.toArray(RedisFuture[]::new))) {
			throw new IllegalStateException("Redis did not answer a pipelined batch in " + TIMEOUT);
		}
	}

}
