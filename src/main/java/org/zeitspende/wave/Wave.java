package org.zeitspende.wave;

import java.time.Instant;

/**
 * The latest wave of a callout.
 *
 * @param number its number, from 1
 * @param plannedAt when it was planned
 * @param nextWaveAt when the next wave is due, or {@code null} when none is
 */
record Wave(int number, Instant plannedAt, Instant nextWaveAt) {

	boolean nextDueAt(Instant now) {
		return this.nextWaveAt != null && !this.nextWaveAt.isAfter(now);
	}

}
