package org.zeitspende.message;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of messages, each with a stable type URI.
 */
final class MessageProblem extends Problem {

	private MessageProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static MessageProblem threadNotFound() {
		return new MessageProblem(HttpStatus.NOT_FOUND, "message-thread-not-found", "Thread not found",
				"There is no such thread.");
	}

	static MessageProblem interestNotFound() {
		return new MessageProblem(HttpStatus.NOT_FOUND, "interest-not-found", "Interest not found",
				"None of your requirement profiles has such an interest.");
	}

	static MessageProblem noConfirmedHelpers() {
		return new MessageProblem(HttpStatus.CONFLICT, "no-confirmed-helpers", "No confirmed helpers",
				"No helper holds a place on this callout.");
	}

	static MessageProblem helperNotFound() {
		return new MessageProblem(HttpStatus.NOT_FOUND, "helper-not-found", "Helper not found",
				"There is no helper for this sign-in.");
	}

}
