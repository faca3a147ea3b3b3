package org.zeitspende.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LuaScriptsIntegrationTests {

	@Autowired
	ReactiveStringRedisTemplate redis;

	// A wrong SHA would still work, slowly: every call would fall back to sending the
	// whole script.
	@Test
	void sha1_isTheOneRedisGivesTheScript() {
		for (String path : List.of("redis/reserve_slot.lua", "redis/pick_least_recently_asked.lua",
				"redis/token_bucket.lua")) {
			RedisScript<Long> script = LuaScripts.load(path, Long.class);
			ByteBuffer text = ByteBuffer.wrap(script.getScriptAsString().getBytes(StandardCharsets.UTF_8));
			String loaded = this.redis.execute((connection) -> connection.scriptingCommands().scriptLoad(text))
				.blockFirst(Duration.ofSeconds(10));
			assertThat(script.getSha1()).as(path).isEqualTo(loaded);
		}
	}

}
