package org.zeitspende.dispatch.internal.devinbox;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.SentMessage;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.dispatch.internal.Recipients;

/**
 * Keeps the messages of one channel in the dev inbox instead of sending them. Logs one
 * line per message at debug, as the providers' adapters log only failures, without its
 * body: that may carry a code or a sign-in link.
 */
final class DevInboxChannel implements ChannelAdapter {

	private static final Log log = LogFactory.getLog(DevInboxChannel.class);

	private final Channel channel;

	private final DevInbox inbox;

	private final String pageUrl;

	DevInboxChannel(Channel channel, DevInbox inbox, String pageUrl) {
		this.channel = channel;
		this.inbox = inbox;
		this.pageUrl = pageUrl;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public String description() {
		return "dev inbox at " + this.pageUrl;
	}

	@Override
	public Mono<SentMessage> send(OutgoingMessage message) {
		return Mono.fromSupplier(() -> this.inbox.keep(message)).doOnNext((entry) -> {
			if (log.isDebugEnabled()) {
				log.debug(this.channel + " to " + Recipients.mask(this.channel, message.recipient())
						+ " kept in the dev inbox (reference " + message.reference() + ", " + entry.id() + ")");
			}
		}).map((entry) -> new SentMessage(this.channel, entry.id()));
	}

}
