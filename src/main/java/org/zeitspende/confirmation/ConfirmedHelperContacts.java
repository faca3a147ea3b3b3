package org.zeitspende.confirmation;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.callout.ConfirmedContacts;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.helper.HelperAddress;
import org.zeitspende.helper.HelperContacts;

/**
 * The contact data of the helpers who confirmed a callout, for its organiser: the
 * confirmations decide who is shown, the helper feature gives their verified addresses. A
 * helper without any (an erased one keeps only a pseudonymous confirmation) is left out.
 */
@Component
class ConfirmedHelperContacts implements ConfirmedContacts {

	private final ConfirmationRepository confirmations;

	private final HelperContacts contacts;

	ConfirmedHelperContacts(ConfirmationRepository confirmations, HelperContacts contacts) {
		this.confirmations = confirmations;
		this.contacts = contacts;
	}

	@Override
	public Mono<List<Contact>> of(UUID calloutId) {
		return this.confirmations.confirmed(calloutId)
			.collectList()
			.flatMap((helpers) -> this.contacts.addressesFor(helpers)
				.map((addresses) -> helpers.stream()
					.map((helper) -> new Contact(
							addresses.of(helper, Channel.EMAIL).map(HelperAddress::address).orElse(null),
							addresses.of(helper, Channel.SMS).map(HelperAddress::address).orElse(null)))
					.filter((contact) -> contact.email() != null || contact.mobile() != null)
					.toList()));
	}

}
