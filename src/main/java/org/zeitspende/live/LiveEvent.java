package org.zeitspende.live;

import org.zeitspende.callout.CalloutCounts;
import org.zeitspende.callout.CalloutProgress;
import org.zeitspende.callout.CalloutStatus;

/**
 * One event of the stream: what happened and where the callout stands now.
 *
 * @param kind what happened, e.g. {@code confirmed}
 * @param status the callout's status after it
 * @param counts the callout's counts after it
 */
record LiveEvent(String kind, CalloutStatus status, CalloutCounts counts) {

	static LiveEvent of(LiveEventKind kind, CalloutProgress progress) {
		return new LiveEvent(kind.wireName(), progress.status(), progress.counts());
	}

	/**
	 * Whether the stream ends after this event: a cancelled or expired callout changes no
	 * more.
	 */
	boolean last() {
		LiveEventKind known = LiveEventKind.fromWireName(this.kind);
		boolean ended = this.status == CalloutStatus.CANCELLED || this.status == CalloutStatus.EXPIRED;
		return (known != null && known.ends()) || (known == LiveEventKind.SNAPSHOT && ended);
	}

}
