package org.zeitspende.config;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.zeitspende.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests answered 503 while PostgreSQL or Redis is away: a streak, not a line each.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatastoresUnavailableLogTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T01:00:00Z"));

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(
			new StaticListableBeanFactory().getBeanProvider(ProblemPages.class), this.clock);

	@Test
	void aSurgeWhileTheDatabaseIsAway_logsItsFirstRequest_thenOnceAMinute(CapturedOutput output) {
		for (int i = 0; i < 300; i++) {
			fail("/c/AAAAAAAAAAAAAAAAAAAAAA");
			this.clock.advance(Duration.ofMillis(250));
		}
		assertThat(output).containsOnlyOnce("Database unavailable on POST /c/*** [")
			.contains("]: Failed to obtain R2DBC Connection (Connection refused)")
			.containsOnlyOnce("Reaching PostgreSQL or Redis still fails, 241 requests since 2026-12-08T01:00:00Z: "
					+ "Failed to obtain R2DBC Connection (Connection refused)")
			.doesNotContain("AAAAAAAAAAAAAAAAAAAAAA");
	}

	@Test
	void aFailureAMinuteAfterTheLast_endsTheStreak_andBeginsANewOne(CapturedOutput output) {
		fail("/api/callouts");
		fail("/api/callouts");
		this.clock.advance(Duration.ofMinutes(10));
		fail("/api/places");

		assertThat(output).containsOnlyOnce("Database unavailable on POST /api/callouts [")
			.containsOnlyOnce("Reaching PostgreSQL or Redis failed last at 2026-12-08T01:00:00Z, after 2 requests "
					+ "failed since 2026-12-08T01:00:00Z")
			.containsOnlyOnce("Database unavailable on POST /api/places [");
	}

	private void fail(String path) {
		this.advice.handleDatabaseUnavailable(
				new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
						new ConnectException("Connection refused")),
				MockServerWebExchange.from(MockServerHttpRequest.post(path)));
	}

}
