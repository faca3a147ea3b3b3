package org.zeitspende.confirmation;

import java.util.List;
import java.util.UUID;

/**
 * Names of the Redis keys this feature owns, built in one place. The hash tag keeps a
 * callout's keys on one cluster slot, so one script call can use both.
 */
final class SlotKeys {

	private SlotKeys() {
	}

	/**
	 * The counter of a callout's open slots, then the set of helpers holding one.
	 * @param calloutId the callout
	 * @return both keys, in the order the scripts take them
	 */
	static List<String> of(UUID calloutId) {
		return List.of("co:{" + calloutId + "}:open", "co:{" + calloutId + "}:confirmed");
	}

}
