package org.zeitspende.callout;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.security.Caller;

/**
 * The progress of a callout for a member of its organisation, read as {@code GET
 * /api/callouts/{id}} reads it: another organisation's callout is not found.
 */
@Service
public class CalloutProgresses {

	private final Callouts callouts;

	CalloutProgresses(Callouts callouts) {
		this.callouts = callouts;
	}

	/**
	 * The callout's progress now.
	 * @param caller the member asking
	 * @param calloutId the callout
	 * @return its progress; a {@code 404} problem when the caller's organisation has no
	 * such callout
	 */
	public Mono<CalloutProgress> find(Caller caller, UUID calloutId) {
		return caller.organisationId()
			.map((organisationId) -> this.callouts.get(organisationId, calloutId))
			.orElseGet(() -> Mono.error(CalloutProblem.notFound()))
			.map((callout) -> new CalloutProgress(callout.id(), callout.status(), callout.counts()));
	}

}
