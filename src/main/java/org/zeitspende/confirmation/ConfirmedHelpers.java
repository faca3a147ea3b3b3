package org.zeitspende.confirmation;

import java.util.HashSet;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;
import org.zeitspende.helper.HelperContacts;

/**
 * The helpers who hold a place on a callout, for features that write to them.
 */
@Service
public class ConfirmedHelpers {

	private final ConfirmationRepository confirmations;

	private final HelperContacts helpers;

	ConfirmedHelpers(ConfirmationRepository confirmations, HelperContacts helpers) {
		this.confirmations = confirmations;
		this.helpers = helpers;
	}

	/**
	 * The helpers confirmed for a callout and not withdrawn. An erased helper's answer
	 * stays for the counts, but nobody writes to the helper any more.
	 * @param calloutId the callout; the caller checks that it may see it
	 * @return the helpers' ids, those who confirmed first first; erased helpers left out
	 */
	public Flux<UUID> of(UUID calloutId) {
		return this.confirmations.confirmed(calloutId)
			.collectList()
			.flatMapMany((confirmed) -> this.helpers.notErased(confirmed)
				.collect(HashSet<UUID>::new, HashSet::add)
				.flatMapIterable((kept) -> confirmed.stream().filter(kept::contains).toList()));
	}

}
