package org.zeitspende.callout;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of callouts, each with a stable type URI.
 */
final class CalloutProblem extends Problem {

	private CalloutProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static CalloutProblem notFound() {
		return new CalloutProblem(HttpStatus.NOT_FOUND, "callout-not-found", "Callout not found",
				"There is no such callout in your organisation.");
	}

	static CalloutProblem notChangeable(Callout callout) {
		String now = (callout.status() == CalloutStatus.OPEN) ? "has started" : "is " + callout.status();
		return new CalloutProblem(HttpStatus.CONFLICT, "callout-not-changeable", "Callout cannot be changed",
				"Only an open callout that has not started can be changed; this one " + now + ".");
	}

	static CalloutProblem notCancellable(CalloutStatus status) {
		return new CalloutProblem(HttpStatus.CONFLICT, "callout-not-cancellable", "Callout cannot be cancelled",
				"A callout that is " + status + " cannot be cancelled any more.");
	}

}
