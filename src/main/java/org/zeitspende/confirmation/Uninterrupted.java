package org.zeitspende.confirmation;

import reactor.core.publisher.Mono;

/**
 * Lets a decision that spans Redis and PostgreSQL finish when its caller goes away: a
 * client that disconnects cancels its request. Cut in half, a yes would leave its slot
 * reserved in Redis without the commit or the undo, and a withdrawal its slot taken in
 * Redis after PostgreSQL gave it back; either way Redis would turn helpers away while
 * PostgreSQL has slots open, until the next reconciliation. It runs in a subscription of
 * its own, so it must not rely on the caller's Reactor context (both decisions run in a
 * transaction of their own anyway).
 */
final class Uninterrupted {

	private Uninterrupted() {
	}

	/**
	 * The decision, run to its end once subscribed, whatever the subscriber does.
	 * @param <T> its result
	 * @param decision the decision
	 * @return the same decision, deaf to cancellation
	 */
	static <T> Mono<T> of(Mono<T> decision) {
		return Mono.fromFuture(decision::toFuture, true);
	}

}
