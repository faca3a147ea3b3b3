package org.zeitspende.wave;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How callouts ask their helpers in waves, and how the replicas share the planning.
 *
 * @param initialAcceptanceRate share of asked helpers expected to say yes while an
 * activity has no history
 * @param minAcceptanceRate the lowest rate ever expected, so that a bad history does not
 * ask everyone at once
 * @param priorAsks how many asks the initial rate weighs as, against the asks of finished
 * callouts: with few of them the rate stays near the initial one
 * @param history how many of an activity's latest finished callouts the rate is learned
 * from
 * @param maxWaveSize most helpers asked in one wave
 * @param minInterval shortest pause between two waves
 * @param maxInterval longest pause between two waves
 * @param intervalDivisor the pause is the time left until the start divided by this,
 * within the shortest and longest pause
 * @param holdEmailInQuietHours whether an email to a helper in quiet hours waits until
 * they end ({@code true}) or goes at once; an SMS is never planned in quiet hours
 * @param consumeInterval how often each replica takes jobs from the dispatch stream
 * @param consumeBatch most jobs one replica takes at a time
 * @param reclaimAfter how long a job may stay unacknowledged before another replica takes
 * it over
 * @param pollInterval how often each replica looks for callouts whose next wave is due
 * @param redispatchAfter when a due wave's job was put on the stream this long ago and no
 * wave followed, it is put there again; an open callout without any wave this long after
 * it was created gets its first job again
 * @param streamLength about how many jobs the dispatch stream keeps
 * @param planningTimeout how long planning one wave may take before it is rolled back and
 * its job left for another try
 */
@ConfigurationProperties("zeitspende.waves")
record WaveProperties(double initialAcceptanceRate, double minAcceptanceRate, int priorAsks, int history,
		int maxWaveSize, Duration minInterval, Duration maxInterval, int intervalDivisor, boolean holdEmailInQuietHours,
		Duration consumeInterval, int consumeBatch, Duration reclaimAfter, Duration pollInterval,
		Duration redispatchAfter, long streamLength, Duration planningTimeout) {

	WaveProperties {
		Assert.isTrue(initialAcceptanceRate > 0 && initialAcceptanceRate <= 1,
				"zeitspende.waves.initial-acceptance-rate must be above 0 and at most 1");
		Assert.isTrue(minAcceptanceRate > 0 && minAcceptanceRate <= initialAcceptanceRate,
				"zeitspende.waves.min-acceptance-rate must be above 0 and at most the initial rate");
		Assert.isTrue(priorAsks >= 1, "zeitspende.waves.prior-asks must be at least 1");
		Assert.isTrue(history >= 1, "zeitspende.waves.history must be at least 1");
		Assert.isTrue(maxWaveSize >= 1, "zeitspende.waves.max-wave-size must be at least 1");
		Assert.isTrue(positive(minInterval) && positive(maxInterval) && minInterval.compareTo(maxInterval) <= 0,
				"zeitspende.waves.min-interval must be positive and at most max-interval");
		Assert.isTrue(intervalDivisor >= 1, "zeitspende.waves.interval-divisor must be at least 1");
		Assert.isTrue(consumeBatch >= 1, "zeitspende.waves.consume-batch must be at least 1");
		Assert.isTrue(positive(reclaimAfter), "zeitspende.waves.reclaim-after must be positive");
		Assert.isTrue(positive(redispatchAfter), "zeitspende.waves.redispatch-after must be positive");
		Assert.isTrue(streamLength >= 1, "zeitspende.waves.stream-length must be at least 1");
		Assert.isTrue(positive(planningTimeout), "zeitspende.waves.planning-timeout must be positive");
	}

	/**
	 * The share of asked helpers expected to say yes, learned from finished callouts and
	 * blended with the initial rate as if that had been seen over {@code priorAsks} asks.
	 * @param confirmed helpers who confirmed in the finished callouts
	 * @param asked helpers asked for them
	 * @return the expected rate, at least the minimum rate and at most 1
	 */
	double acceptanceRate(long confirmed, long asked) {
		double rate = (confirmed + this.initialAcceptanceRate * this.priorAsks) / (asked + this.priorAsks);
		return Math.min(1, Math.max(this.minAcceptanceRate, rate));
	}

	/**
	 * How many helpers one wave asks: enough that the open slots fill at the expected
	 * rate, at most the maximum wave size.
	 * @param openSlots places still free
	 * @param acceptanceRate the expected rate
	 * @return the wave size
	 */
	int waveSize(int openSlots, double acceptanceRate) {
		if (openSlots <= 0) {
			return 0;
		}
		return (int) Math.min(this.maxWaveSize, Math.ceil(openSlots / acceptanceRate));
	}

	/**
	 * The pause before the next wave: shorter as the start nears.
	 * @param now the current instant
	 * @param startsAt when the callout starts
	 * @return the pause, between the shortest and the longest
	 */
	Duration interval(Instant now, Instant startsAt) {
		Duration share = Duration.between(now, startsAt).dividedBy(this.intervalDivisor);
		if (share.compareTo(this.minInterval) < 0) {
			return this.minInterval;
		}
		return (share.compareTo(this.maxInterval) > 0) ? this.maxInterval : share;
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
