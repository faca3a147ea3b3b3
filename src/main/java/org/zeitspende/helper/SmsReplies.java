package org.zeitspende.helper;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.dispatch.SmsReply;
import org.zeitspende.dispatch.SmsReplyHandler;

/**
 * Stop and start keywords from a helper's phone change the helper's SMS consent. Other
 * replies are for other features.
 */
@Component
class SmsReplies implements SmsReplyHandler {

	private final SmsConsent consent;

	SmsReplies(SmsConsent consent) {
		this.consent = consent;
	}

	@Override
	public Mono<Void> handle(SmsReply reply) {
		return switch (reply.intent()) {
			case OPT_OUT -> this.consent.optOut(reply.number()).then();
			case OPT_IN -> this.consent.optIn(reply.number()).then();
			case OTHER -> Mono.empty();
		};
	}

}
