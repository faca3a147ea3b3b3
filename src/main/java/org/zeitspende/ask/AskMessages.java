package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.zeitspende.callout.OpenCallout;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.OutgoingMessage;

/**
 * The message that asks a helper. For now one German text naming activity, place and time
 * and a link per ask.
 */
@Component
class AskMessages {

	// Twilio keeps an SMS for at most ten hours.
	private static final Duration MAX_SMS_VALIDITY = Duration.ofHours(10);

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM. HH:mm", Locale.GERMANY);

	private final AskProperties properties;

	AskMessages(AskProperties properties) {
		this.properties = properties;
	}

	OutgoingMessage message(ClaimedAsk ask, OpenCallout callout, String recipient, Instant now) {
		String text = "Zeitspende: Hilfe gesucht, " + callout.activity() + " in " + callout.place() + " am "
				+ WHEN.format(callout.startsAt().atZone(ZONE)) + ". Zusagen oder absagen: " + link(ask);
		String reference = ask.id().toString();
		if (ask.channel() == Channel.SMS) {
			return OutgoingMessage.sms(recipient, text, reference).withValidity(validity(callout, now));
		}
		return OutgoingMessage.email(recipient, "Hilfe gesucht: " + callout.activity() + " in " + callout.place(), text,
				null, null, reference);
	}

	// The token is minted for this message; only its hash is stored.
	private String link(ClaimedAsk ask) {
		return this.properties.publicBaseUrl() + "/c/" + ask.token();
	}

	// An SMS that arrives after the start is no use.
	private static Duration validity(OpenCallout callout, Instant now) {
		Duration left = Duration.between(now, callout.startsAt()).withNanos(0);
		if (left.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return (left.compareTo(MAX_SMS_VALIDITY) > 0) ? MAX_SMS_VALIDITY : left;
	}

}
