package org.zeitspende.dispatch;

/**
 * A message the provider has taken.
 *
 * @param channel the channel it went out on
 * @param providerId the provider's id of the message: Twilio's message SID for SMS, the
 * {@code Message-ID} header (with its angle brackets) for email, {@code dev-<n>} for the
 * dev inbox
 */
public record SentMessage(Channel channel, String providerId) {

}
