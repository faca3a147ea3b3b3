package org.zeitspende.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSessionsTests {

	@Test
	void parameters_jitOff_whenNoneAreGiven() {
		R2dbcProperties properties = new R2dbcProperties();
		properties.setUrl("r2dbc:postgresql://db:5432/zeitspende");
		assertThat(DatabaseSessions.parameters(properties)).containsExactly(Map.entry("jit", "off"));
	}

	@Test
	void parameters_keepThoseOfTheUrlAndTheProperties_whichWin() {
		R2dbcProperties properties = new R2dbcProperties();
		properties.setUrl("r2dbc:postgresql://db:5432/zeitspende?options=statement_timeout%3D5s%3Bjit%3Don");
		properties.getProperties().put("options", "lock_timeout=2s");
		assertThat(DatabaseSessions.parameters(properties)).containsOnly(Map.entry("jit", "on"),
				Map.entry("statement_timeout", "5s"), Map.entry("lock_timeout", "2s"));
	}

}
