package org.zeitspende.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopsTests {

	private String given;

	@BeforeEach
	void remember() {
		this.given = System.getProperty(EventLoops.IO_WORKER_COUNT);
	}

	@AfterEach
	void restore() {
		if (this.given == null) {
			System.clearProperty(EventLoops.IO_WORKER_COUNT);
		}
		else {
			System.setProperty(EventLoops.IO_WORKER_COUNT, this.given);
		}
	}

	@Test
	void withoutAGivenCount_oneLoopPerAvailableProcessor() {
		System.clearProperty(EventLoops.IO_WORKER_COUNT);

		EventLoops.onePerProcessor();

		assertThat(System.getProperty(EventLoops.IO_WORKER_COUNT))
			.isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void aGivenCount_staysAsGiven() {
		System.setProperty(EventLoops.IO_WORKER_COUNT, "7");

		EventLoops.onePerProcessor();

		assertThat(System.getProperty(EventLoops.IO_WORKER_COUNT)).isEqualTo("7");
	}

}
