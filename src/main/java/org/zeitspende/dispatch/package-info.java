/**
 * Dispatch: sends messages to helpers and organisers by SMS and email.
 * <p>
 * {@link org.zeitspende.dispatch.MessageSender} is the port other features call. It
 * routes each message by its {@link org.zeitspende.dispatch.Channel} to the active
 * adapter: Twilio for SMS and SMTP for email when they are configured, otherwise the
 * local dev inbox at {@code /dev/inbox}. The adapters live in {@code internal} and are
 * invisible to other features.
 */
package org.zeitspende.dispatch;
