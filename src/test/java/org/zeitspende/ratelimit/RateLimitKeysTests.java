package org.zeitspende.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitKeysTests {

	@Test
	void key_holdsTheLimitAndA128BitHashOfTheSubject() {
		assertThat(RateLimitKeys.of(new RateLimitKey("verification-per-recipient", "+4915112345678")))
			.isEqualTo("rl:{limits}:verification-per-recipient:536afd523e19dc83fccba822ef5e4ca6");
	}

	@Test
	void keys_ofDifferentLimitsShareOneHashTag() {
		assertThat(RateLimitKeys.of(new RateLimitKey("sms-global", "global")))
			.isEqualTo("rl:{limits}:sms-global:8001c27439650c5c5a6b4ed94163b5dd")
			.startsWith(RateLimitKeys.PREFIX);
	}

	@Test
	void keys_ofDifferentSubjectsDiffer() {
		assertThat(RateLimitKeys.of(new RateLimitKey("sms-global", "a@example.org")))
			.isNotEqualTo(RateLimitKeys.of(new RateLimitKey("sms-global", "b@example.org")));
	}

}
