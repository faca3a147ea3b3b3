package org.zeitspende.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	static final String TOKEN_BUCKET_SCRIPT = "tokenBucketScript";

	/**
	 * The token bucket script, read once at start-up. Built from its text rather than
	 * from the resource, so that a call never checks the file's modification time on an
	 * event-loop thread.
	 * @return the script, called by its SHA
	 */
	@Bean(TOKEN_BUCKET_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> tokenBucketScript() {
		ClassPathResource resource = new ClassPathResource("redis/token_bucket.lua");
		try {
			return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), List.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

}
