package org.zeitspende.config;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed but has fields a service rejects after looking closer,
 * for example an unknown place. Answers the same problem as failed bean validation.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final List<InvalidField> errors;

	public InvalidRequestException(List<InvalidField> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(String field, String reason) {
		this(List.of(new InvalidField(field, reason)));
	}

	public List<InvalidField> errors() {
		return this.errors;
	}

	static ProblemDetail problem(List<InvalidField> errors) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
		body.setType(ProblemTypes.INVALID_REQUEST);
		body.setTitle("Invalid request");
		body.setProperty("errors", errors);
		return body;
	}

}
