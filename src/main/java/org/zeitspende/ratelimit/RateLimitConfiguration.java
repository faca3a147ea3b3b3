package org.zeitspende.ratelimit;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;
import org.zeitspende.config.LuaScripts;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	static final String TOKEN_BUCKET_SCRIPT = "tokenBucketScript";

	@Bean(TOKEN_BUCKET_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> tokenBucketScript() {
		return LuaScripts.load("redis/token_bucket.lua", List.class);
	}

}
