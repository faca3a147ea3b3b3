package org.zeitspende.engagement;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of requirement profiles and interest in them, each with a stable type URI.
 */
final class EngagementProblem extends Problem {

	private EngagementProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
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

}
