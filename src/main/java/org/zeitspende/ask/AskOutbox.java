package org.zeitspende.ask;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Where asks are planned. The rows are written through the caller's reactive transaction
 * when there is one, so a wave and its asks commit together; the relay sends them later.
 */
@Service
public class AskOutbox {

	private final AskRepository asks;

	AskOutbox(AskRepository asks) {
		this.asks = asks;
	}

	/**
	 * Queues asks for a callout. A helper already asked for this callout is not asked
	 * again, whatever the channel.
	 * @param calloutId the callout
	 * @param asks whom to ask and how
	 * @return completes when the rows are written
	 */
	public Mono<Void> enqueue(UUID calloutId, List<PlannedAsk> asks) {
		if (asks.isEmpty()) {
			return Mono.empty();
		}
		return this.asks.insert(calloutId, asks).then();
	}

}
