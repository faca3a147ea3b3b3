package org.zeitspende.ask;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataErasure;

/**
 * An erased helper's asks stay under the pseudonymous id, for the fairness and delivery
 * counts, but their links stop working and unsent ones are skipped; the notices to the
 * helper are deleted. Asks hold no address: the relay looks it up when it sends.
 */
@Component
class AskDataErasure implements HelperDataErasure {

	private final AskRepository asks;

	private final NoticeRepository notices;

	AskDataErasure(AskRepository asks, NoticeRepository notices) {
		this.asks = asks;
		this.notices = notices;
	}

	@Override
	public Mono<Void> erase(UUID helperId) {
		return this.asks.eraseOf(helperId).then(this.notices.eraseOf(helperId));
	}

}
