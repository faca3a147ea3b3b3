package org.zeitspende.dispatch.internal.devinbox;

import java.time.Instant;
import java.util.List;

import org.zeitspende.dispatch.Channel;

/**
 * A message kept in the dev inbox instead of being sent.
 *
 * @param id the id handed back as the provider id, {@code dev-<n>}
 * @param keptAt when it arrived
 * @param channel SMS or EMAIL
 * @param to the number or address
 * @param subject the subject (email only)
 * @param text the plain text
 * @param html the HTML alternative (email only)
 * @param unsubscribeUrl the one-click unsubscribe link (email only)
 * @param reference our id of the message
 * @param links the web links in the text, in order, for following them in a test or a
 * browser
 */
record DevInboxEntry(String id, Instant keptAt, Channel channel, String to, String subject, String text, String html,
		String unsubscribeUrl, String reference, List<String> links) {

}
