package org.zeitspende.donation;

import org.springframework.http.HttpStatus;
import org.zeitspende.config.Problem;

/**
 * The problems of donation needs and pledges, each with a stable type URI.
 */
final class DonationProblem extends Problem {

	private DonationProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static DonationProblem needNotFound() {
		return new DonationProblem(HttpStatus.NOT_FOUND, "donation-need-not-found", "Donation need not found",
				"There is no such donation need.");
	}

	static DonationProblem pledgeNotFound() {
		return new DonationProblem(HttpStatus.NOT_FOUND, "pledge-not-found", "Pledge not found",
				"There is no such pledge for this donation need.");
	}

	static DonationProblem notTakingPledges() {
		return new DonationProblem(HttpStatus.CONFLICT, "donation-need-closed", "Donation need takes no pledges",
				"This need is closed or paused by a Spendenstopp.");
	}

	static DonationProblem overPledged(int stillNeeded) {
		DonationProblem problem = new DonationProblem(HttpStatus.CONFLICT, "pledge-exceeds-need",
				"Pledge exceeds the need", "Only " + stillNeeded + " more are needed.");
		problem.getBody().setProperty("stillNeeded", stillNeeded);
		return problem;
	}

}
