package org.zeitspende.config;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.ContextRestartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connection again when the application context restarts after a
 * stop (as cached test contexts do): stopping closes it, and Lettuce opens it on first
 * use by waiting on a future, which on an event loop would block it. At start-up
 * {@link DatastoresReachable} opens it.
 */
@Component
class RedisConnections {

	private static final Log log = LogFactory.getLog(RedisConnections.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveRedisConnectionFactory redis;

	RedisConnections(ReactiveRedisConnectionFactory redis) {
		this.redis = redis;
	}

	// Runs on the thread that restarts the context, never on an event loop.
	@EventListener(ContextRestartedEvent.class)
	void reconnect() {
		try {
			Mono.usingWhen(Mono.fromSupplier(this.redis::getReactiveConnection), (connection) -> connection.ping(),
					(connection) -> connection.closeLater())
				.block(TIMEOUT);
		}
		catch (RuntimeException ex) {
			log.warn("Redis could not be reached after a restart; the first command will connect: " + ex.getMessage());
		}
	}

}
