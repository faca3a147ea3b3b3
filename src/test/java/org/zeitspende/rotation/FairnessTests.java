package org.zeitspende.rotation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FairnessTests {

	@Test
	void of_countsHelpersPerNumberOfPicks() {
		Fairness fairness = Fairness.of(Map.of("a", 0L, "b", 2L, "c", 2L, "d", 4L));

		assertThat(fairness.helpers()).isEqualTo(4);
		assertThat(fairness.min()).isZero();
		assertThat(fairness.max()).isEqualTo(4);
		assertThat(fairness.mean()).isEqualTo(2.0);
		assertThat(fairness.histogram()).containsExactly(Map.entry(0L, 1L), Map.entry(2L, 2L), Map.entry(4L, 1L));
	}

	@Test
	void of_noHelpers_isAllZero() {
		Fairness fairness = Fairness.of(Map.of());

		assertThat(fairness.helpers()).isZero();
		assertThat(fairness.max()).isZero();
		assertThat(fairness.histogram()).isEmpty();
	}

}
