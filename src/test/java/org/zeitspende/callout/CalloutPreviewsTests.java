package org.zeitspende.callout;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CalloutPreviewsTests {

	private final CalloutPreviews previews = new CalloutPreviews(null, null, properties(0.2, 50), null);

	@ParameterizedTest(name = "{0} open slots, {1} candidates: wave of {2}")
	@CsvSource({ "1, 100, 5", "3, 100, 15", "7, 100, 35", "10, 100, 50", "500, 10000, 50", "3, 7, 7", "3, 0, 0",
			"0, 100, 0" })
	void firstWaveSize_isOpenSlotsOverAcceptanceRate_cappedByMaximumAndCandidates(int open, int candidates,
			int expected) {
		assertThat(this.previews.firstWaveSize(open, candidates)).isEqualTo(expected);
	}

	@Test
	void firstWaveSize_roundsUp() {
		CalloutPreviews third = new CalloutPreviews(null, null, properties(0.3, 50), null);
		assertThat(third.firstWaveSize(1, 100)).isEqualTo(4);
	}

	@Test
	void properties_withAnAcceptanceRateOutsideZeroToOne_areRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(0, 50));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(1.5, 50));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(0.2, 0));
	}

	private static CalloutProperties properties(double rate, int maxWave) {
		return new CalloutProperties(rate, maxWave, Duration.ofMinutes(1), "test-secret");
	}

}
