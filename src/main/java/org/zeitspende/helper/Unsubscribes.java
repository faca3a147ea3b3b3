package org.zeitspende.helper;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.Channel;

/**
 * One-step unsubscribe from every message on a channel, from the link in each message.
 */
@Service
class Unsubscribes {

	private final HelperLinks links;

	private final HelperRepository helpers;

	Unsubscribes(HelperLinks links, HelperRepository helpers) {
		this.links = links;
		this.helpers = helpers;
	}

	/**
	 * What a link would unsubscribe from, without changing anything.
	 * @param token from the link
	 * @return the channel
	 */
	Mono<Channel> peek(String token) {
		return Mono.justOrEmpty(this.links.readUnsubscribe(token))
			.map(HelperLinks.Unsubscribe::channel)
			.switchIfEmpty(Mono.error(InvalidTokenException::new));
	}

	/**
	 * Withdraws every consent on the link's channel. Doing it twice changes nothing more.
	 * @param token from the link
	 * @return the channel
	 */
	Mono<Channel> unsubscribe(String token) {
		return Mono.justOrEmpty(this.links.readUnsubscribe(token))
			.switchIfEmpty(Mono.error(InvalidTokenException::new))
			.flatMap((link) -> this.helpers.withdrawConsents(link.helperId(), List.of(link.channel()), "UNSUBSCRIBE")
				.thenReturn(link.channel()));
	}

}
