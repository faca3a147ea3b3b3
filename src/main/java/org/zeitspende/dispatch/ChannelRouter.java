package org.zeitspende.dispatch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.dispatch.internal.Recipients;

/**
 * The {@link MessageSender}: checks the recipient's form, then hands the message to the
 * one adapter active for its channel. Logs each failure with the masked recipient.
 */
@Service
class ChannelRouter implements MessageSender {

	private static final Log log = LogFactory.getLog(ChannelRouter.class);

	private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

	ChannelRouter(List<ChannelAdapter> adapters) {
		for (ChannelAdapter adapter : adapters) {
			ChannelAdapter other = this.adapters.putIfAbsent(adapter.channel(), adapter);
			if (other != null) {
				throw new IllegalStateException("Two adapters for " + adapter.channel() + ": " + other.description()
						+ " and " + adapter.description());
			}
		}
		for (Channel channel : Channel.values()) {
			ChannelAdapter adapter = this.adapters.get(channel);
			if (adapter == null) {
				throw new IllegalStateException("No way to send " + channel + ": configure "
						+ ((channel == Channel.SMS) ? "Twilio (ZEITSPENDE_TWILIO_ACCOUNT_SID and the rest)"
								: "SMTP (SPRING_MAIL_HOST)")
						+ ", or set ZEITSPENDE_DEV_INBOX_ENABLED=true on a system without real people");
			}
			log.info(name(channel) + ": " + adapter.description());
		}
	}

	@Override
	public Mono<SentMessage> send(OutgoingMessage message) {
		if (!Recipients.isWellFormed(message.channel(), message.recipient())) {
			return Mono
				.error(new MessageRejectedException(Reason.INVALID_RECIPIENT,
						(message.channel() == Channel.SMS) ? "Not a mobile number in E.164 format"
								: "Not a valid email address"))
				.doOnError(MessageRejectedException.class, (ex) -> logRejected(message, ex))
				.cast(SentMessage.class);
		}
		return this.adapters.get(message.channel())
			.send(message)
			.doOnError(MessageRejectedException.class, (ex) -> logRejected(message, ex))
			.doOnError(MessageNotSentException.class, (ex) -> logNotSent(message, ex));
	}

	private static void logRejected(OutgoingMessage message, MessageRejectedException ex) {
		log.info(name(message.channel()) + " to " + Recipients.mask(message.channel(), message.recipient())
				+ " (reference " + message.reference() + ") refused: " + ex.reason() + ". " + ex.getMessage());
	}

	private static void logNotSent(OutgoingMessage message, MessageNotSentException ex) {
		log.warn(name(message.channel()) + " to " + Recipients.mask(message.channel(), message.recipient())
				+ " (reference " + message.reference() + ") not sent" + (ex.outcomeUnknown() ? ", outcome unknown" : "")
				+ ": " + ex.getMessage());
	}

	private static String name(Channel channel) {
		return (channel == Channel.SMS) ? "SMS" : "Email";
	}

}
