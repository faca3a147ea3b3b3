package org.zeitspende.helper;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.Channel;

/**
 * Where a message to a helper goes, for features that send to helpers by id and must not
 * read the helper table themselves.
 */
@Service
public class HelperContacts {

	private final HelperRepository helpers;

	HelperContacts(HelperRepository helpers) {
		this.helpers = helpers;
	}

	/**
	 * The helper's verified address on a channel.
	 * @param helperId the helper
	 * @param channel the channel
	 * @return the email address or E.164 number; empty when the helper is erased or has
	 * no verified contact on that channel
	 */
	public Mono<String> contactFor(UUID helperId, Channel channel) {
		return this.helpers.findById(helperId)
			.filter((contact) -> contact.verified(channel) && contact.address(channel) != null)
			.map((contact) -> contact.address(channel));
	}

	/**
	 * The helper whose verified mobile number this is, for answers by SMS.
	 * @param e164 the number in E.164 format
	 * @return the helper's id; empty when no helper has verified this number
	 */
	public Mono<UUID> helperWithMobile(String e164) {
		return this.helpers.findByMobile(e164).filter(HelperContact::mobileVerified).map(HelperContact::id);
	}

	/**
	 * The language the helper reads messages in.
	 * @param helperId the helper
	 * @return a language code such as {@code de}; empty when the helper is unknown
	 */
	public Mono<String> languageOf(UUID helperId) {
		return this.helpers.findById(helperId).map(HelperContact::messageLanguage);
	}

}
