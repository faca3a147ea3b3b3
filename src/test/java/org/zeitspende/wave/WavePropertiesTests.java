package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class WavePropertiesTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final WaveProperties properties = properties(0.2, 50);

	@Test
	void acceptanceRate_withoutHistory_isTheInitialRate() {
		assertThat(this.properties.acceptanceRate(0, 0)).isEqualTo(0.2);
	}

	@Test
	void acceptanceRate_withFewAsks_staysNearTheInitialRate() {
		// 5 of 10 said yes: 50 % seen, but weighed against 50 asks at 20 %.
		assertThat(this.properties.acceptanceRate(5, 10)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void acceptanceRate_withManyAsks_followsThem() {
		assertThat(this.properties.acceptanceRate(4_950, 9_950)).isCloseTo(0.496, within(1e-9));
	}

	@Test
	void acceptanceRate_neverFallsBelowTheMinimum() {
		assertThat(this.properties.acceptanceRate(0, 10_000)).isEqualTo(0.05);
	}

	@Test
	void waveSize_isOpenSlotsOverTheRate_roundedUp_andCapped() {
		assertThat(this.properties.waveSize(3, 0.2)).isEqualTo(15);
		assertThat(this.properties.waveSize(3, 0.4)).isEqualTo(8);
		assertThat(this.properties.waveSize(30, 0.2)).isEqualTo(50);
		assertThat(this.properties.waveSize(0, 0.2)).isZero();
	}

	@Test
	void interval_shrinksAsTheStartNears_withinItsBounds() {
		assertThat(this.properties.interval(NOW, NOW.plus(Duration.ofDays(2)))).isEqualTo(Duration.ofHours(2));
		assertThat(this.properties.interval(NOW, NOW.plus(Duration.ofHours(8)))).isEqualTo(Duration.ofHours(1));
		assertThat(this.properties.interval(NOW, NOW.plus(Duration.ofMinutes(30)))).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void minimumRateAboveTheInitialRate_isRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(0.04, 50))
			.withMessageContaining("min-acceptance-rate");
	}

	private static WaveProperties properties(double initialRate, int maxWaveSize) {
		return new WaveProperties(initialRate, 0.05, 50, 50, maxWaveSize, Duration.ofMinutes(10), Duration.ofHours(2),
				8, true, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), Duration.ofSeconds(15),
				Duration.ofMinutes(5), 10_000, Duration.ofMinutes(5));
	}

}
