package org.zeitspende.live;

import java.util.Locale;

/**
 * What happened to a callout, as the stream names it: the name in lower case is the
 * event's name and the message on the callout's Redis channel.
 */
enum LiveEventKind {

	/** The state when the stream starts. */
	SNAPSHOT,

	/** A batch of asks went out. */
	ASKED,

	/** The provider reported an ask delivered. */
	DELIVERED,

	/** A helper said yes. */
	CONFIRMED,

	/** A helper said no. */
	DECLINED,

	/** A confirmed helper gave the slot back. */
	WITHDRAWN,

	/** The last slot was taken. */
	FILLED,

	/** A filled callout takes helpers again after a withdrawal. */
	REOPENED,

	/** Nobody is left to ask. */
	EXHAUSTED,

	/** The organisation called it off; the stream ends. */
	CANCELLED,

	/** It started before enough helpers confirmed; the stream ends. */
	EXPIRED;

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean ends() {
		return this == CANCELLED || this == EXPIRED;
	}

	/**
	 * The kind a message names.
	 * @param name the message
	 * @return the kind, or {@code null} when the message names none (a newer replica's)
	 */
	static LiveEventKind fromWireName(String name) {
		for (LiveEventKind kind : values()) {
			if (kind.wireName().equals(name)) {
				return kind;
			}
		}
		return null;
	}

}
