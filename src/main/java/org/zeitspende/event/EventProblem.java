package org.zeitspende.event;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of events, each with a stable type URI.
 */
final class EventProblem extends ErrorResponseException {

	private static final String BASE = "https://zeitspende.org/problems/";

	private EventProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, URI.create(BASE + slug), title, detail), null);
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

	static EventProblem helperNotFound() {
		return new EventProblem(HttpStatus.NOT_FOUND, "helper-not-found", "Helper not found",
				"There is no helper for this sign-in.");
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
