package org.zeitspende.confirmation;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.RedisScript;
import org.zeitspende.config.LuaScripts;

/**
 * The slot scripts.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationConfiguration {

	static final String RESERVE_SCRIPT = "reserveSlotScript";

	static final String RELEASE_SCRIPT = "releaseSlotScript";

	static final String REBUILD_SCRIPT = "rebuildSlotsScript";

	static final String STATE_SCRIPT = "slotStateScript";

	@Bean(RESERVE_SCRIPT)
	RedisScript<Long> reserveSlotScript() {
		return LuaScripts.load("redis/reserve_slot.lua", Long.class);
	}

	@Bean(RELEASE_SCRIPT)
	RedisScript<Long> releaseSlotScript() {
		return LuaScripts.load("redis/release_slot.lua", Long.class);
	}

	@Bean(REBUILD_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> rebuildSlotsScript() {
		return LuaScripts.load("redis/rebuild_slots.lua", List.class);
	}

	@Bean(STATE_SCRIPT)
	@SuppressWarnings("rawtypes")
	RedisScript<List> slotStateScript() {
		return LuaScripts.load("redis/slot_state.lua", List.class);
	}

}
