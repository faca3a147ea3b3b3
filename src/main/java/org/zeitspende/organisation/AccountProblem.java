package org.zeitspende.organisation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of organisations, members and signing in, each with a stable type URI.
 */
final class AccountProblem extends Problem {

	private AccountProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static AccountProblem invalidCredentials() {
		return new AccountProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
				"The email or the password is wrong, or the account is locked for a while after failed attempts.");
	}

	static AccountProblem organisationSuspended() {
		return new AccountProblem(HttpStatus.FORBIDDEN, "organisation-suspended", "Organisation suspended",
				"Your organisation is suspended. Contact the platform's operators.");
	}

	static AccountProblem organisationNotFound() {
		return new AccountProblem(HttpStatus.NOT_FOUND, "organisation-not-found", "Organisation not found",
				"There is no such organisation.");
	}

	static AccountProblem memberNotFound() {
		return new AccountProblem(HttpStatus.NOT_FOUND, "member-not-found", "Member not found",
				"There is no such member in your organisation.");
	}

	static AccountProblem noPasswordHere() {
		return new AccountProblem(HttpStatus.NOT_FOUND, "member-not-found", "Member not found",
				"No password is kept here for you; you sign in through your identity provider.");
	}

	static AccountProblem emailTaken() {
		return new AccountProblem(HttpStatus.CONFLICT, "email-taken", "Email already in use",
				"An account with this email exists already.");
	}

	static AccountProblem slugTaken() {
		return new AccountProblem(HttpStatus.CONFLICT, "slug-taken", "Slug already in use",
				"Another organisation uses this slug. Choose another one or leave it out.");
	}

	static AccountProblem lastAdmin() {
		return new AccountProblem(HttpStatus.CONFLICT, "last-admin", "Last admin",
				"An organisation keeps at least one admin. Make another member admin first.");
	}

	static AccountProblem busy() {
		AccountProblem problem = new AccountProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
				"Too many sign-ins at once. Try again in a moment.");
		problem.getHeaders().set("Retry-After", "1");
		return problem;
	}

	/**
	 * A request field that passed its annotations but not a check against stored data, in
	 * the shape of every other validation problem.
	 * @param field the field's name
	 * @param reason why it is invalid
	 * @return the problem
	 */
	static AccountProblem invalidField(String field, String reason) {
		AccountProblem problem = new AccountProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"1 field is invalid.");
		problem.getBody().setProperty("errors", List.of(new FieldReason(field, reason)));
		return problem;
	}

	record FieldReason(String field, String reason) {
	}

}
