package org.zeitspende.dispatch;

import reactor.core.publisher.Mono;

/**
 * Sends one message through the provider configured for its channel.
 * <p>
 * The returned {@code Mono} completes with the provider's id once the provider has taken
 * the message. It fails with {@link MessageRejectedException} when the provider refused
 * the message for good, and with {@link MessageNotSentException} when it was not sent and
 * may be tried again later; see {@link MessageNotSentException#outcomeUnknown()} for the
 * one case where it may have been sent after all. Failures that provably did not reach
 * the provider (rate limited, connection refused, SMTP 4yz) are already retried a few
 * times with backoff before the {@code Mono} fails.
 * <p>
 * Nothing happens until the {@code Mono} is subscribed, and every subscription sends
 * again.
 */
public interface MessageSender {

	/**
	 * Sends the message.
	 * @param message what to send to whom
	 * @return the provider's receipt
	 */
	Mono<SentMessage> send(OutgoingMessage message);

}
