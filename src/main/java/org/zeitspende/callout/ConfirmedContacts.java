package org.zeitspende.callout;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The helpers who said yes to a callout, with the contact data the organiser may now see.
 * Implemented by the feature that keeps the answers; contact data of anyone who has not
 * confirmed is never handed out.
 */
public interface ConfirmedContacts {

	/**
	 * The helpers holding a slot of a callout.
	 * @param calloutId the callout, already checked to belong to the caller's
	 * organisation
	 * @return their verified contact data
	 */
	Mono<List<Contact>> of(UUID calloutId);

	/**
	 * How to reach a helper who said yes. Helpers give no names.
	 *
	 * @param email the verified email address, or {@code null}
	 * @param mobile the verified mobile number (E.164), or {@code null}
	 */
	record Contact(String email, String mobile) {
	}

}
