/**
 * Asks: the outbox of messages that ask helpers to help with a callout.
 * <p>
 * {@link org.zeitspende.ask.AskOutbox} writes planned asks in the caller's transaction; a
 * relay claims due rows, checks through {@link org.zeitspende.callout.OpenCallouts} that
 * the callout still takes helpers, finds the address through
 * {@link org.zeitspende.helper.HelperContacts} and sends through
 * {@link org.zeitspende.dispatch.MessageSender}. Delivery reports move an ask forward
 * only; an SMS that cannot reach the helper turns into an email on the same ask. Notices
 * about what became of a callout go through an outbox of their own. A recorded batch of
 * sent asks publishes {@link org.zeitspende.ask.AsksSent}, a delivered ask
 * {@link org.zeitspende.ask.AskDelivered}.
 */
package org.zeitspende.ask;
