package org.zeitspende.message;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataErasure;

/**
 * An erased helper's threads with organisations are deleted whole, the organisations'
 * messages in them too: a thread names its one helper, and every reply in it is the
 * helper's. Threads between organisations stay as they are.
 */
@Component
class MessageDataErasure implements HelperDataErasure {

	private final MessageRepository messages;

	MessageDataErasure(MessageRepository messages) {
		this.messages = messages;
	}

	@Override
	public Mono<Void> erase(UUID helperId) {
		return this.messages.eraseOf(helperId);
	}

}
