package org.zeitspende.confirmation;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

/**
 * The helpers who hold a place on a callout, for features that write to them.
 */
@Service
public class ConfirmedHelpers {

	private final ConfirmationRepository confirmations;

	ConfirmedHelpers(ConfirmationRepository confirmations) {
		this.confirmations = confirmations;
	}

	/**
	 * The helpers confirmed for a callout and not withdrawn.
	 * @param calloutId the callout; the caller checks that it may see it
	 * @return the helpers' ids, those who confirmed first first
	 */
	public Flux<UUID> of(UUID calloutId) {
		return this.confirmations.confirmed(calloutId);
	}

}
