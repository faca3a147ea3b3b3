/**
 * Messages: threads between organisations, and between an organisation and one helper
 * (who expressed interest in one of its requirement profiles, or confirmed one of its
 * callouts). Only members of a thread's organisations and its helper see it. A message
 * from an organisation to a helper also goes out by email through an outbox of its own,
 * if the helper agreed to messages from organisations by email. Helpers are found through
 * {@link org.zeitspende.engagement.InterestedHelpers} and
 * {@link org.zeitspende.confirmation.ConfirmedHelpers}, addressed through
 * {@link org.zeitspende.helper.HelperContacts}.
 */
package org.zeitspende.message;
