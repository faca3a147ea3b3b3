package org.zeitspende.rotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class RotationConfiguration {

	static final String PICK_SCRIPT = "pickLeastRecentlyAskedScript";

	/**
	 * The picking script, read once at start-up. Built from its text rather than from the
	 * resource, so that a call never checks the file's modification time on an event-loop
	 * thread.
	 * @return the script, called by its SHA
	 */
	@Bean(PICK_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> pickLeastRecentlyAskedScript() {
		ClassPathResource resource = new ClassPathResource("redis/pick_least_recently_asked.lua");
		try {
			return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), List.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

}
