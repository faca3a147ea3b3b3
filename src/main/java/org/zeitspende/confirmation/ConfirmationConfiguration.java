package org.zeitspende.confirmation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The slot scripts, each read once at start-up and called by its SHA. Built from their
 * text rather than from the resource, so that a call never checks a file's modification
 * time on an event-loop thread.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationConfiguration {

	static final String RESERVE_SCRIPT = "reserveSlotScript";

	static final String RELEASE_SCRIPT = "releaseSlotScript";

	static final String REBUILD_SCRIPT = "rebuildSlotsScript";

	@Bean(RESERVE_SCRIPT)
	RedisScript<Long> reserveSlotScript() {
		return script("redis/reserve_slot.lua");
	}

	@Bean(RELEASE_SCRIPT)
	RedisScript<Long> releaseSlotScript() {
		return script("redis/release_slot.lua");
	}

	@Bean(REBUILD_SCRIPT)
	RedisScript<Long> rebuildSlotsScript() {
		return script("redis/rebuild_slots.lua");
	}

	private static RedisScript<Long> script(String path) {
		ClassPathResource resource = new ClassPathResource(path);
		try {
			return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), Long.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

}
