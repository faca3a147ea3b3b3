package org.zeitspende.ask;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.helper.HelperContacts;

/**
 * Tells a helper on a callout's standby list that a place is free again. The notice goes
 * through the notice outbox, on the channel of the helper's ask, and is written in the
 * caller's transaction. The token of the ask's link is not stored, so the message points
 * to the earlier ask (and, by SMS, to the reply {@code JA} with the short code): the
 * helper confirms through the gate like everyone else.
 */
@Service
public class SlotFreeNotices {

	private final NoticeRepository notices;

	private final HelperContacts contacts;

	SlotFreeNotices(NoticeRepository notices, HelperContacts contacts) {
		this.notices = notices;
		this.contacts = contacts;
	}

	/**
	 * Queues the notice, if the helper may still be asked for callouts on the channel of
	 * the ask.
	 * @param calloutId the callout
	 * @param helperId the helper whose turn it is
	 * @param at when the place opened again
	 * @return whether the notice is queued; {@code false} when the helper has no ask for
	 * the callout or no verified contact with consent on its channel
	 */
	public Mono<Boolean> queue(UUID calloutId, UUID helperId, Instant at) {
		return this.notices.askChannel(calloutId, helperId)
			.filterWhen((channel) -> this.contacts.addressForCallouts(helperId, channel).hasElement())
			.flatMap((channel) -> this.notices.insertSlotFree(calloutId, helperId, channel, at))
			.map((inserted) -> true)
			.defaultIfEmpty(false);
	}

}
