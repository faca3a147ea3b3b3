package org.zeitspende.helper;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;
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

	private final HelperLinks links;

	HelperContacts(HelperRepository helpers, HelperLinks links) {
		this.helpers = helpers;
		this.links = links;
	}

	/**
	 * The helper's verified address on a channel, with the language and unsubscribe links
	 * of messages to it.
	 * @param helperId the helper
	 * @param channel the channel
	 * @return the address; empty when the helper is erased or has no verified contact on
	 * that channel
	 */
	public Mono<HelperAddress> addressFor(UUID helperId, Channel channel) {
		return this.helpers.findById(helperId).flatMap((contact) -> Mono.justOrEmpty(address(contact, channel)));
	}

	/**
	 * The addresses of many helpers at once, read in one query, for senders of many
	 * messages.
	 * @param helperIds the helpers
	 * @return each helper's verified address on a channel; empty where
	 * {@link #addressFor} would be empty
	 */
	public Mono<Addresses> addressesFor(Collection<UUID> helperIds) {
		return this.helpers.findAllById(helperIds)
			.collectMap(HelperContact::id)
			.map((contacts) -> (helperId, channel) -> Optional.ofNullable(contacts.get(helperId))
				.flatMap((contact) -> address(contact, channel)));
	}

	/**
	 * The helpers among these who are not erased, for features that find helpers in their
	 * own tables (where erased helpers stay under their pseudonymous ids) and write to
	 * them.
	 * @param helperIds the helpers
	 * @return those not erased, read in one query, in no particular order
	 */
	public Flux<UUID> notErased(Collection<UUID> helperIds) {
		return this.helpers.findAllById(helperIds).map(HelperContact::id);
	}

	private Optional<HelperAddress> address(HelperContact contact, Channel channel) {
		if (!contact.verified(channel) || contact.address(channel) == null) {
			return Optional.empty();
		}
		UUID helperId = contact.id();
		return Optional.of(new HelperAddress(helperId, channel, contact.address(channel), contact.messageLanguage(),
				this.links.unsubscribe(helperId, channel), this.links.oneClickUnsubscribe(helperId, channel)));
	}

	/**
	 * Addresses read at once.
	 */
	@FunctionalInterface
	public interface Addresses {

		/**
		 * A helper's verified address on a channel.
		 * @param helperId the helper
		 * @param channel the channel
		 * @return the address; empty when there is none
		 */
		Optional<HelperAddress> of(UUID helperId, Channel channel);

	}

	/**
	 * The helper's verified email address, if the helper agreed to be asked for callouts
	 * by email: where an ask goes when the SMS could not reach the helper.
	 * @param helperId the helper
	 * @return the address; empty when there is no such email
	 */
	public Mono<HelperAddress> emailForCallouts(UUID helperId) {
		return addressForCallouts(helperId, Channel.EMAIL);
	}

	/**
	 * The helper's verified address on a channel, if the helper agreed to be asked for
	 * callouts on it.
	 * @param helperId the helper
	 * @param channel the channel
	 * @return the address; empty when there is no such address or the consent is
	 * withdrawn
	 */
	public Mono<HelperAddress> addressForCallouts(UUID helperId, Channel channel) {
		return addressWithConsent(helperId, channel, ConsentPurpose.CALLOUTS);
	}

	/**
	 * The helper's verified address on a channel, if the helper agreed to be contacted on
	 * it for the purpose.
	 * @param helperId the helper
	 * @param channel the channel
	 * @param purpose what the message is for
	 * @return the address; empty when there is no such address or the consent is not
	 * confirmed
	 */
	public Mono<HelperAddress> addressWithConsent(UUID helperId, Channel channel, ConsentPurpose purpose) {
		return this.helpers.consentAction(helperId, channel, purpose)
			.filter("CONFIRMED"::equals)
			.flatMap((confirmed) -> addressFor(helperId, channel));
	}

	/**
	 * Marks the helper's number as no longer verified, because the provider says it
	 * cannot receive SMS; the helper verifies it again (or another number) to be asked by
	 * SMS again. A number the helper changed in the meantime stays as it is, and so does
	 * the number of a helper without a verified email: a helper without any verified
	 * contact counts as an abandoned registration and would be purged.
	 * @param helperId the helper
	 * @param e164 the number that failed
	 * @return whether the number was unverified
	 */
	public Mono<Boolean> mobileUnreachable(UUID helperId, String e164) {
		return this.helpers.unverifyMobile(helperId, e164).map((updated) -> updated > 0);
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
