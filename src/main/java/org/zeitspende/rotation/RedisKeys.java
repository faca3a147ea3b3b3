package org.zeitspende.rotation;

/**
 * Names of the Redis keys this feature owns, built in one place.
 */
final class RedisKeys {

	/**
	 * Sorted set of helper ids, scored by when each was last asked (epoch millis, 0 =
	 * never).
	 */
	static final String ROTATION = "rotation";

	private RedisKeys() {
	}

}
