package org.zeitspende.helper;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A verification or sign-in message could not be sent just now. Everything else is
 * stored: the same request later sends it.
 */
class MessageNotSentProblem extends ErrorResponseException {

	MessageNotSentProblem(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The message could not be sent just now. Please try again in a minute.");
		problem.setType(URI.create("https://zeitspende.org/problems/message-not-sent"));
		problem.setTitle("Message not sent");
		return problem;
	}

}
