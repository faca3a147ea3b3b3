package org.zeitspende.dispatch.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handing a message over and giving the attempt up decide against each other.
 */
class AttemptTests {

	private final Attempt attempt = new Attempt();

	@Test
	void handedOverFirst_staysHandedOver_andIsNotProvablyUnsentWhenGivenUp() {
		assertThat(this.attempt.handOver()).isTrue();
		assertThat(this.attempt.abandon()).isFalse();
		assertThat(this.attempt.handedOver()).isTrue();
		assertThat(this.attempt.abandoned()).isTrue();
		assertThat(this.attempt.handOver()).isTrue();
	}

	@Test
	void givenUpFirst_cannotBeHandedOver() {
		assertThat(this.attempt.abandon()).isTrue();
		assertThat(this.attempt.handOver()).isFalse();
		assertThat(this.attempt.handedOver()).isFalse();
		assertThat(this.attempt.abandon()).isTrue();
	}

	@Test
	void newAttempt_isNeitherHandedOverNorGivenUp() {
		assertThat(this.attempt.handedOver()).isFalse();
		assertThat(this.attempt.abandoned()).isFalse();
	}

}
