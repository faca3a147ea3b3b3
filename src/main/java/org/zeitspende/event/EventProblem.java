package org.zeitspende.event;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of events, each with a stable type URI.
 */
final class EventProblem extends Problem {

	private EventProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static EventProblem notFound() {
		return new EventProblem(HttpStatus.NOT_FOUND, "event-not-found", "Event not found", "There is no such event.");
	}

	static EventProblem full() {
		return new EventProblem(HttpStatus.CONFLICT, "event-full", "Event is full",
				"Every place of this event is taken.");
	}

	static EventProblem notOpenForRegistration() {
		return new EventProblem(HttpStatus.CONFLICT, "event-registration-closed", "Registration is closed",
				"This event takes no registrations: it has none, is cancelled or has started.");
	}

	static EventProblem cancelled() {
		return new EventProblem(HttpStatus.CONFLICT, "event-cancelled", "Event is cancelled",
				"A cancelled event cannot be changed.");
	}

	static EventProblem helperNotFound() {
		return new EventProblem(HttpStatus.NOT_FOUND, "helper-not-found", "Helper not found",
				"There is no helper for this sign-in.");
	}

}
