package org.zeitspende.helper;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;

/**
 * Sends verification and sign-in messages and turns a failure into an answer the helper
 * can act on.
 */
@Component
class HelperNotifier {

	private final MessageSender sender;

	private final HelperMessages messages;

	HelperNotifier(MessageSender sender, HelperMessages messages) {
		this.sender = sender;
		this.messages = messages;
	}

	Mono<Void> sendVerification(HelperContact helper, Channel channel, HelperTokens.Issued issued) {
		return send(channel, this.sender.send(this.messages.verification(helper, channel, issued)));
	}

	Mono<Void> sendSignIn(HelperContact helper, Channel channel, HelperTokens.Issued issued) {
		return send(channel, this.sender.send(this.messages.signIn(helper, channel, issued)));
	}

	private static Mono<Void> send(Channel channel, Mono<?> sending) {
		return sending.then()
			.onErrorMap(MessageNotSentException.class, MessageNotSentProblem::new)
			.onErrorMap(MessageRejectedException.class,
					(ex) -> new InvalidRequestException(field(channel), "cannot receive messages"));
	}

	static String field(Channel channel) {
		return (channel == Channel.EMAIL) ? "email" : "mobile";
	}

}
