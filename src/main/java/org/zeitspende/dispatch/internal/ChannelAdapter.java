package org.zeitspende.dispatch.internal;

import reactor.core.publisher.Mono;

import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.SentMessage;

/**
 * One way out for one channel: a provider (Twilio, SMTP) or the dev inbox. Exactly one
 * adapter is active per channel.
 */
public interface ChannelAdapter {

	/**
	 * The channel this adapter sends on.
	 * @return the channel
	 */
	Channel channel();

	/**
	 * How the start-up log names this adapter, such as {@code Twilio (from +4930...)}.
	 * @return a short description without secrets
	 */
	String description();

	/**
	 * Sends the message. The recipient has already been checked for its form.
	 * @param message the message
	 * @return the receipt, or {@code MessageRejectedException} /
	 * {@code MessageNotSentException}
	 */
	Mono<SentMessage> send(OutgoingMessage message);

}
