package org.zeitspende.message;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.helper.HelperDataExport;

/**
 * The threads between organisations and a helper, with every message in them, to the
 * helper or from them, for the helper's data export.
 */
@Component
class MessageDataExport implements HelperDataExport {

	private final MessageRepository messages;

	MessageDataExport(MessageRepository messages) {
		this.messages = messages;
	}

	@Override
	public Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId) {
		return Mono.zip(this.messages.threadsExportOf(helperId), this.messages.messagesExportOf(helperId))
			.map((parts) -> Map.of("messageThreads", parts.getT1(), "messages", parts.getT2()));
	}

}
