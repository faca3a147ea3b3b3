package org.zeitspende.confirmation;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataErasure;

/**
 * An erased helper leaves every standby list. The answers stay under the pseudonymous id:
 * they hold no personal data, and the organisers' counts and the gate's invariants
 * (confirmations never above what a callout needs) rest on them.
 */
@Component
class ConfirmationDataErasure implements HelperDataErasure {

	private final StandbyRepository standby;

	ConfirmationDataErasure(StandbyRepository standby) {
		this.standby = standby;
	}

	@Override
	public Mono<Void> erase(UUID helperId) {
		return this.standby.eraseOf(helperId);
	}

}
