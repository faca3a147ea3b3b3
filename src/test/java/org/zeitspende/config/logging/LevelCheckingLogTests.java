package org.zeitspende.config.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckingLogTests {

	private static final String NAME = "org.zeitspende.config.logging.probe";

	@Test
	void commonsLogging_usesTheLevelCheckingFactory() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
		assertThat(LogFactory.getLog(NAME)).isInstanceOf(LevelCheckingLog.class);
	}

	@Test
	void aMessageBelowTheLevel_isNeverTurnedIntoAString() {
		((Logger) LoggerFactory.getLogger(NAME)).setLevel(Level.INFO);
		Log log = LogFactory.getLog(NAME);
		AtomicInteger rendered = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "probe";
			}
		};

		log.trace(message);
		log.debug(message);
		log.debug(message, new IllegalStateException("not logged"));
		assertThat(rendered).hasValue(0);

		log.info(message);
		log.warn(message);
		assertThat(rendered).hasValue(2);
	}

}
