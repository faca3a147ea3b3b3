package org.zeitspende.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Opens the shared Redis connection when the application starts (and starts again after a
 * stop), not on first use: Lettuce connects by waiting on a future, and a first use on an
 * event loop would block it.
 */
@Configuration(proxyBeanMethods = false)
class RedisConnections {

	@Bean
	static BeanPostProcessor eagerRedisConnection() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof LettuceConnectionFactory factory) {
					factory.setEagerInitialization(true);
				}
				return bean;
			}

		};
	}

}
