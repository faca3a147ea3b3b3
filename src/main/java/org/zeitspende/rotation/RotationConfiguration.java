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

	static final String GIVE_BACK_SCRIPT = "giveBackPicksScript";

	/**
	 * The picking script, read once at start-up. Built from its text rather than from the
	 * resource, so that a call never checks the file's modification time on an event-loop
	 * thread.
	 * @return the script, called by its SHA
	 */
	@Bean(PICK_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> pickLeastRecentlyAskedScript() {
		return script("redis/pick_least_recently_asked.lua", List.class);
	}

	/**
	 * The script that gives back the picks of a wave that was not stored.
	 * @return the script, called by its SHA
	 */
	@Bean(GIVE_BACK_SCRIPT)
	RedisScript<Long> giveBackPicksScript() {
		return script("redis/give_back_picks.lua", Long.class);
	}

	private static <T> RedisScript<T> script(String path, Class<T> result) {
		ClassPathResource resource = new ClassPathResource(path);
		try {
			return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

}
