package org.zeitspende.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitExceededExceptionTests {

	@Test
	void retryAfter_isRoundedUpToWholeSeconds() {
		assertThat(retryAfterHeader(Duration.ofMillis(1))).isEqualTo("1");
		assertThat(retryAfterHeader(Duration.ofMillis(1000))).isEqualTo("1");
		assertThat(retryAfterHeader(Duration.ofMillis(1001))).isEqualTo("2");
		assertThat(retryAfterHeader(Duration.ofMinutes(20))).isEqualTo("1200");
	}

	@Test
	void problem_namesTheLimitAndTheWait() {
		RateLimitExceededException refusal = new RateLimitExceededException("sms-global", Duration.ofMillis(1500));
		assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refusal.limit()).isEqualTo("sms-global");
		assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMillis(1500));
		assertThat(refusal.getBody().getType()).hasToString("https://zeitspende.org/problems/rate-limited");
		assertThat(refusal.getBody().getDetail()).isEqualTo("Too many attempts. Try again in 2 seconds.");
		assertThat(refusal.getBody().getProperties()).containsEntry("limit", "sms-global");
	}

	private static String retryAfterHeader(Duration retryAfter) {
		return new RateLimitExceededException("test", retryAfter).getHeaders().getFirst("Retry-After");
	}

}
