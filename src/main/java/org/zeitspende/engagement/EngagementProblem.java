package org.zeitspende.engagement;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of requirement profiles and interest in them, each with a stable type URI.
 */
final class EngagementProblem extends ErrorResponseException {

	private static final String BASE = "https://zeitspende.org/problems/";

	private EngagementProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, URI.create(BASE + slug), title, detail), null);
	}

	static EngagementProblem profileNotFound() {
		return new EngagementProblem(HttpStatus.NOT_FOUND, "requirement-profile-not-found",
				"Requirement profile not found", "There is no such requirement profile.");
	}

	static EngagementProblem notOpen(ProfileStatus status) {
		return new EngagementProblem(HttpStatus.CONFLICT, "requirement-profile-not-open",
				"Requirement profile is not open", "The requirement profile is " + status + ".");
	}

	static EngagementProblem closed() {
		return new EngagementProblem(HttpStatus.CONFLICT, "requirement-profile-closed", "Requirement profile is closed",
				"A closed requirement profile cannot be changed or opened again.");
	}

	static EngagementProblem interestNotFound() {
		return new EngagementProblem(HttpStatus.NOT_FOUND, "interest-not-found", "Interest not found",
				"There is no such interest in this requirement profile.");
	}

	static EngagementProblem interestDecided() {
		return new EngagementProblem(HttpStatus.CONFLICT, "interest-decided", "Interest already decided",
				"This interest was already accepted or declined the other way.");
	}

	static EngagementProblem helperNotFound() {
		return new EngagementProblem(HttpStatus.NOT_FOUND, "helper-not-found", "Helper not found",
				"There is no helper for this sign-in.");
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
