package org.zeitspende.event;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataExport;

/**
 * A helper's event registrations, with each event's title and time, for the helper's data
 * export.
 */
@Component
class EventDataExport implements HelperDataExport {

	private final EventRepository events;

	EventDataExport(EventRepository events) {
		this.events = events;
	}

	@Override
	public Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId) {
		return this.events.registrationsExportOf(helperId).map((rows) -> Map.of("eventRegistrations", rows));
	}

}
