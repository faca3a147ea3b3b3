package org.zeitspende.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.zeitspende.ratelimit.RateLimitProperties.Limit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request sees when Redis goes away while the service runs: a private Redis is
 * started for the limiter and stopped under it.
 */
class RateLimiterRedisDownTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final RateLimitKey SMS = new RateLimitKey("sms-global", "global");

	private RedisServer redis;

	private LettuceConnectionFactory connections;

	private RateLimiter limiter;

	@BeforeEach
	void startRedis() throws IOException {
		int port = freePort();
		this.redis = RedisServer.builder()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		this.redis.start();
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(1))
			.build();
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
		this.connections.afterPropertiesSet();
		this.connections.start();
		RateLimitProperties limits = new RateLimitProperties();
		limits.putAll(Map.of("sms-global", new Limit(2000, Duration.ofHours(24))));
		this.limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(this.connections),
				new RateLimitConfiguration().tokenBucketScript(), limits, new SimpleMeterRegistry());
	}

	@AfterEach
	void stopRedis() throws IOException {
		this.connections.destroy();
		this.redis.stop();
	}

	@Test
	void consume_whenRedisIsGone_answers503RatherThanLettingRequestsThrough() throws IOException {
		this.limiter.consume(List.of(SMS)).as(StepVerifier::create).expectComplete().verify(TIMEOUT);
		this.redis.stop();
		this.limiter.consume(List.of(SMS))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(ErrorResponseException.class, (unavailable) -> {
						assertThat(unavailable.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
						assertThat(unavailable.getBody().getType())
							.hasToString("https://zeitspende.org/problems/temporarily-unavailable");
						assertThat(unavailable.getHeaders().getFirst("Retry-After")).isEqualTo("5");
					}))
			.verify(TIMEOUT);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
