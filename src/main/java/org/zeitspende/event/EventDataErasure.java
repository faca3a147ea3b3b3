package org.zeitspende.event;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataErasure;

/**
 * An erased helper will not come: registrations for events still ahead are taken back and
 * free their places; those for events that have started stay pseudonymous.
 */
@Component
class EventDataErasure implements HelperDataErasure {

	private final EventRepository events;

	EventDataErasure(EventRepository events) {
		this.events = events;
	}

	@Override
	public Mono<Void> erase(UUID helperId) {
		return this.events.eraseRegistrationsOf(helperId);
	}

}
