package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.List;

import org.zeitspende.callout.CalloutSummary;

/**
 * An ask as the JSON API shows it to the helper who holds its link. Meeting point and
 * contact hint only once the helper has confirmed.
 *
 * @param answer the helper's answer so far: {@code CONFIRMED}, {@code DECLINED},
 * {@code WITHDRAWN}, or {@code null}
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param details what the help is about
 * @param open how many helpers are still needed
 * @param meetingPoint where to meet; {@code null} until confirmed
 * @param contactHint whom to ask on site; {@code null} until confirmed
 * @param standby whether the helper waits on the standby list
 */
record AskView(Outcome answer, String activity, String place, Instant startsAt, Instant endsAt, String details,
		int open, String meetingPoint, String contactHint, boolean standby) {

	static AskView of(CalloutSummary callout, Outcome answer, boolean standby, Instant now) {
		boolean confirmed = answer == Outcome.CONFIRMED || answer == Outcome.ALREADY_CONFIRMED;
		return new AskView(stored(answer), callout.activity(), callout.place(), callout.startsAt(), callout.endsAt(),
				callout.details(), callout.open(now), confirmed ? callout.meetingPoint() : null,
				confirmed ? callout.contactHint() : null, standby);
	}

	// What the outcome of a request leaves stored.
	private static Outcome stored(Outcome answer) {
		if (answer == null) {
			return null;
		}
		return switch (answer) {
			case CONFIRMED, ALREADY_CONFIRMED -> Outcome.CONFIRMED;
			case DECLINED -> Outcome.DECLINED;
			case WITHDRAWN -> Outcome.WITHDRAWN;
			case FULL, STANDBY, CLOSED, INVALID -> null;
		};
	}

	/**
	 * What an answer came to.
	 *
	 * @param outcome the outcome
	 * @param ask the ask as it stands now
	 * @param alternatives similar open callouts when {@code FULL}, else empty
	 */
	record Answered(Outcome outcome, AskView ask, List<Alternative> alternatives) {
	}

}
