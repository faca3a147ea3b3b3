package org.zeitspende.wave;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.QueryTimeoutException;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.RedisFaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job while Redis does not answer, for real: the run fails (Spring's
 * scheduling counts it), the log says once what failed, with the stack trace, and once
 * that it works again.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DispatchConsumerFaultsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String FAILED = "Planning waves from the dispatch stream failed; trying again at the next run: "
			+ "Redis command timed out";

	@Autowired
	DispatchConsumer consumer;

	@Value("${spring.data.redis.url}")
	String redisUrl;

	@Value("${spring.data.redis.timeout}")
	Duration commandTimeout;

	RedisFaults faults;

	@BeforeEach
	void setUp() {
		this.faults = new RedisFaults(this.redisUrl);
	}

	@AfterEach
	void tearDown() {
		this.faults.close();
	}

	@Test
	void redisPausedLongerThanTheCommandTimeout_theRunFails_andTheLogSaysWhatFailedOnce(CapturedOutput output) {
		// A run that works first: a streak of failures starts with the pause.
		StepVerifier.create(this.consumer.consumeOnSchedule()).expectComplete().verify(TIMEOUT);
		this.faults.pause(this.commandTimeout.plusSeconds(1)).block(TIMEOUT);

		StepVerifier.create(this.consumer.consumeOnSchedule()).expectError(QueryTimeoutException.class).verify(TIMEOUT);

		assertThat(output).containsOnlyOnce(FAILED);
		assertThat(output).contains("org.springframework.dao.QueryTimeoutException: Redis command timed out");
		// Runs until the pause is over; the first that works says so.
		Awaitility.await()
			.atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.consumer.consumeOnSchedule().thenReturn(true).block(TIMEOUT));
		assertThat(output.getAll())
			.containsPattern("Planning waves from the dispatch stream works again, after [0-9]+ runs? failed since");
	}

}
