package org.zeitspende.rotation;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceSslClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A Redis connection of the fair pick's own, to the same server as the shared one, with a
 * longer command timeout ({@code zeitspende.rotation.command-timeout}). Lettuce sends all
 * commands of a connection one after the other and Redis answers them in order, so on the
 * shared connection a confirmation's slot reservation would wait behind every pick script
 * of the waves being planned, and a pick would time out after the 2 seconds meant for a
 * request while ten waves at once queue their calls on a busy machine (measured by
 * {@code loadtest/fair.sh}). On a connection of its own, Redis serves the shared one in
 * between, and a wave's calls may wait their turn.
 */
final class RotationRedis implements ApplicationRunner, DisposableBean {

	private final LettuceConnectionFactory factory;

	private final ReactiveStringRedisTemplate template;

	RotationRedis(LettuceConnectionFactory shared, Duration commandTimeout) {
		this.factory = new LettuceConnectionFactory(server(shared),
				withTimeout(shared.getClientConfiguration(), commandTimeout));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.template = new ReactiveStringRedisTemplate(this.factory);
	}

	/**
	 * Opens the connection on the starting thread, once the shared one was found
	 * reachable ({@code DatastoresReachable} runs first): on first use Lettuce would wait
	 * for it on an event loop.
	 */
	@Override
	public void run(ApplicationArguments args) {
		this.factory.initConnection();
	}

	ReactiveStringRedisTemplate template() {
		return this.template;
	}

	@Override
	public void destroy() {
		this.factory.destroy();
	}

	private static RedisConfiguration server(LettuceConnectionFactory shared) {
		if (shared.getClusterConfiguration() != null) {
			return shared.getClusterConfiguration();
		}
		if (shared.getSentinelConfiguration() != null) {
			return shared.getSentinelConfiguration();
		}
		return shared.getStandaloneConfiguration();
	}

	private static LettuceClientConfiguration withTimeout(LettuceClientConfiguration shared, Duration timeout) {
		LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder()
			.commandTimeout(timeout)
			.shutdownTimeout(shared.getShutdownTimeout())
			.shutdownQuietPeriod(shared.getShutdownQuietPeriod());
		shared.getClientOptions().ifPresent(builder::clientOptions);
		shared.getClientResources().ifPresent(builder::clientResources);
		shared.getReadFrom().ifPresent(builder::readFrom);
		shared.getClientName().ifPresent((name) -> builder.clientName(name + "-rotation"));
		shared.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
		if (shared.isUseSsl()) {
			LettuceSslClientConfigurationBuilder ssl = builder.useSsl().verifyPeer(shared.getVerifyMode());
			if (shared.isStartTls()) {
				ssl.startTls();
			}
		}
		return builder.build();
	}

}
