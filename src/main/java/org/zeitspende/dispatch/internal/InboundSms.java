package org.zeitspende.dispatch.internal;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.SmsReply;
import org.zeitspende.dispatch.SmsReplyHandler;

/**
 * Hands an SMS someone sent to the service to every {@link SmsReplyHandler}, in their
 * order: from Twilio's webhook, or from the dev inbox.
 */
@Component
public class InboundSms {

	private static final Log log = LogFactory.getLog(InboundSms.class);

	private final List<SmsReplyHandler> handlers;

	InboundSms(ObjectProvider<SmsReplyHandler> handlers) {
		this.handlers = handlers.orderedStream().toList();
	}

	/**
	 * Acts on a reply; the caller runs it in the transaction that records it.
	 * @param reply the reply
	 * @return completes when every handler has acted
	 */
	public Mono<Void> handle(SmsReply reply) {
		if (log.isDebugEnabled()) {
			log.debug("Incoming SMS from " + Recipients.mask(Channel.SMS, reply.number()) + ": " + reply.intent());
		}
		return Flux.fromIterable(this.handlers).concatMap((handler) -> handler.handle(reply)).then();
	}

}
