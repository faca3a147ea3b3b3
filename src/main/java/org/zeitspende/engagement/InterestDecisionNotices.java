package org.zeitspende.engagement;

import reactor.core.publisher.Mono;

/**
 * Tells helpers of the decisions on their interests. Called within the transaction that
 * stores the decision: a decision is stored together with what tells the helper, or not
 * at all, so a service that stops in between loses neither.
 */
public interface InterestDecisionNotices {

	/**
	 * Writes what tells the helper, in the caller's transaction.
	 * @param decided the decision, made once
	 * @return completes when written; an error undoes the decision
	 */
	Mono<Void> tell(InterestDecided decided);

}
