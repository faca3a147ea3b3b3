package org.zeitspende.dispatch;

import reactor.core.publisher.Mono;

/**
 * Acts on SMS replies. Every bean of this type sees every reply once, in one transaction
 * with recording the reply as processed: when one fails, the provider's retry brings the
 * reply again.
 */
public interface SmsReplyHandler {

	/**
	 * Acts on a reply, or ignores it.
	 * @param reply the reply
	 * @return completes when done
	 */
	Mono<Void> handle(SmsReply reply);

}
