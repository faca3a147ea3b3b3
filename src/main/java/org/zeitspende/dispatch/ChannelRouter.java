package org.zeitspende.dispatch;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.dispatch.internal.Recipients;

/**
 * The {@link MessageSender}: checks the recipient's form, then hands the message to the
 * one adapter active for its channel. Logs each refusal and each message that may have
 * been sent after all (never sent again) with the masked recipient and the reference, and
 * each channel's other failures to send as a {@link FailureStreak}: while a provider is
 * down, every message of a fan-out fails (most at once, at its open circuit breaker), and
 * a line each would bury the log. A refusal is an answer, so the provider works.
 */
@Service
class ChannelRouter implements MessageSender {

	private static final Log log = LogFactory.getLog(ChannelRouter.class);

	private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

	private final Map<Channel, FailureStreak> failures = new EnumMap<>(Channel.class);

	@Autowired
	ChannelRouter(List<ChannelAdapter> adapters) {
		this(adapters, Clock.systemUTC());
	}

	ChannelRouter(List<ChannelAdapter> adapters, Clock clock) {
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
			this.failures.put(channel, new FailureStreak(log, name(channel), "message", clock));
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
		FailureStreak failures = this.failures.get(message.channel());
		return this.adapters.get(message.channel())
			.send(message)
			.doOnSuccess((sent) -> failures.succeeded())
			.doOnError(MessageRejectedException.class, (ex) -> {
				failures.succeeded();
				logRejected(message, ex);
			})
			.doOnError(MessageNotSentException.class, (ex) -> {
				if (ex.outcomeUnknown()) {
					logNotSent(message, ex, "");
				}
				else {
					failures.failed(ex, (before) -> logNotSent(message, ex, before));
				}
			});
	}

	private static void logRejected(OutgoingMessage message, MessageRejectedException ex) {
		log.info(name(message.channel()) + " to " + Recipients.mask(message.channel(), message.recipient())
				+ " (reference " + message.reference() + ") refused: " + ex.reason() + ". " + ex.getMessage());
	}

	private static void logNotSent(OutgoingMessage message, MessageNotSentException ex, String before) {
		log.warn(name(message.channel()) + " to " + Recipients.mask(message.channel(), message.recipient())
				+ " (reference " + message.reference() + ") not sent" + (ex.outcomeUnknown() ? ", outcome unknown" : "")
				+ ": " + ex.getMessage() + before);
	}

	private static String name(Channel channel) {
		return (channel == Channel.SMS) ? "SMS" : "Email";
	}

}
