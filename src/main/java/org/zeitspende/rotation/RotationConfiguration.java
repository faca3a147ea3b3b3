package org.zeitspende.rotation;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;
import org.zeitspende.config.LuaScripts;

@Configuration(proxyBeanMethods = false)
class RotationConfiguration {

	static final String PICK_SCRIPT = "pickLeastRecentlyAskedScript";

	static final String GIVE_BACK_SCRIPT = "giveBackPicksScript";

	@Bean(PICK_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> pickLeastRecentlyAskedScript() {
		return LuaScripts.load("redis/pick_least_recently_asked.lua", List.class);
	}

	@Bean
	RotationRedis rotationRedis(LettuceConnectionFactory shared,
			@Value("${zeitspende.rotation.command-timeout}") Duration commandTimeout) {
		return new RotationRedis(shared, commandTimeout);
	}

	@Bean(GIVE_BACK_SCRIPT)
	RedisScript<Long> giveBackPicksScript() {
		return LuaScripts.load("redis/give_back_picks.lua", Long.class);
	}

}
