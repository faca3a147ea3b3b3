package org.zeitspende.rotation;

import java.util.List;
import java.util.UUID;

/**
 * The helpers picked for a callout, least recently asked first, with what it takes to
 * give the picks back: their scores before and after.
 */
public final class Pick {

	private final UUID calloutId;

	private final List<Taken> taken;

	Pick(UUID calloutId, List<Taken> taken) {
		this.calloutId = calloutId;
		this.taken = List.copyOf(taken);
	}

	/**
	 * The picked helpers, least recently asked first.
	 * @return their ids
	 */
	public List<UUID> helpers() {
		return this.taken.stream().map((taken) -> UUID.fromString(taken.id())).toList();
	}

	UUID calloutId() {
		return this.calloutId;
	}

	List<Taken> taken() {
		return this.taken;
	}

	/**
	 * One picked helper.
	 *
	 * @param id the helper's id
	 * @param before their rotation score before the pick
	 * @param score the score the pick gave them, as Redis wrote it
	 */
	record Taken(String id, double before, String score) {

	}

}
