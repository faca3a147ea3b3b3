package org.zeitspende.helper;

import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * Where and how to write to a helper on one channel.
 *
 * @param helperId the helper
 * @param channel the channel
 * @param address the verified email address or E.164 number
 * @param language ISO 639-1 code of the language the helper reads messages in
 * @param unsubscribePage page that stops every message on this channel in one step
 * @param oneClickUnsubscribe target of an email's {@code List-Unsubscribe} header (RFC
 * 8058, POST without a page)
 */
public record HelperAddress(UUID helperId, Channel channel, String address, String language, String unsubscribePage,
		String oneClickUnsubscribe) {

	@Override
	public String toString() {
		return "HelperAddress[helperId=" + this.helperId + ", channel=" + this.channel + ", language=" + this.language
				+ "]";
	}

}
