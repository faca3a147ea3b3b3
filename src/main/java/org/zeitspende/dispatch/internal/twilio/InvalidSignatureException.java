package org.zeitspende.dispatch.internal.twilio;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A webhook request without a valid {@code X-Twilio-Signature}. Says nothing about what
 * was wrong.
 */
class InvalidSignatureException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://zeitspende.org/problems/invalid-signature");

	private final String reason;

	/**
	 * A refused request.
	 * @param reason for the log only: "no Twilio signature" or "invalid Twilio signature"
	 */
	InvalidSignatureException(String reason) {
		super(HttpStatus.FORBIDDEN, problem(), null);
		this.reason = reason;
	}

	@Override
	public String getMessage() {
		return this.reason;
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The request is not signed by the service's Twilio account.");
		problem.setType(TYPE);
		problem.setTitle("Invalid signature");
		return problem;
	}

}
