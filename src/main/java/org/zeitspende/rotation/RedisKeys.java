package org.zeitspende.rotation;

import java.util.UUID;

/**
 * Names of the Redis keys this feature owns, built in one place.
 */
final class RedisKeys {

	/**
	 * Sorted set of helper ids, scored by when each was last asked (epoch millis, 0 =
	 * never).
	 */
	static final String ROTATION = "rotation";

	/**
	 * Sorted set of helper ids, scored by how many times each was picked.
	 */
	static final String ASKS = "rotation:asks";

	private RedisKeys() {
	}

	/**
	 * The set of helpers already asked for a callout. The hash tag keeps all of a
	 * callout's keys on one cluster slot.
	 * @param calloutId the callout
	 * @return the key of its asked set
	 */
	static String asked(UUID calloutId) {
		return "co:{" + calloutId + "}:asked";
	}

}
