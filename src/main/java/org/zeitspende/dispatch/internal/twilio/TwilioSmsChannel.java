package org.zeitspende.dispatch.internal.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.SentMessage;
import org.zeitspende.dispatch.internal.Attempt;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.dispatch.internal.ProviderCalls;
import org.zeitspende.dispatch.internal.Recipients;

/**
 * SMS through Twilio's Messages resource, with an explicit {@link TwilioRestClient} (no
 * global {@code Twilio.init}). Each message carries a status callback to
 * {@code /hooks/twilio/status?ref=<reference>} and, when given, its validity period.
 */
final class TwilioSmsChannel implements ChannelAdapter, DisposableBean {

	private static final Log log = LogFactory.getLog(TwilioSmsChannel.class);

	static final int MAX_BODY_LENGTH = 1600;

	static final long MAX_VALIDITY_SECONDS = 36_000;

	private final TwilioRestClient client;

	private final TwilioHttpClient httpClient;

	private final ProviderCalls calls;

	private final PhoneNumber from;

	private final String messagingServiceSid;

	private final String statusCallback;

	TwilioSmsChannel(TwilioRestClient client, TwilioHttpClient httpClient, ProviderCalls calls, String from,
			String messagingServiceSid, URI publicBaseUrl) {
		this.client = client;
		this.httpClient = httpClient;
		this.calls = calls;
		this.from = (from != null && !from.isBlank()) ? new PhoneNumber(from) : null;
		this.messagingServiceSid = (messagingServiceSid != null && !messagingServiceSid.isBlank()) ? messagingServiceSid
				: null;
		this.statusCallback = publicBaseUrl.toString().replaceAll("/+$", "") + "/hooks/twilio/status?ref=";
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public String description() {
		String sender = (this.from != null) ? "from " + this.from : "";
		if (this.messagingServiceSid != null) {
			sender += (sender.isEmpty() ? "" : ", ") + "messaging service " + this.messagingServiceSid;
		}
		return "Twilio (" + sender + ")";
	}

	@Override
	public Mono<SentMessage> send(OutgoingMessage message) {
		if (message.text().length() > MAX_BODY_LENGTH) {
			return Mono.error(new MessageRejectedException(Reason.REJECTED, "The SMS text has "
					+ message.text().length() + " characters; Twilio takes at most " + MAX_BODY_LENGTH));
		}
		return this.calls.call(message.reference(), (attempt) -> create(message, attempt), TwilioErrors::translate)
			.doOnNext((sent) -> logSent(message, sent));
	}

	@Override
	public void destroy() {
		this.calls.dispose();
		this.httpClient.close();
	}

	private SentMessage create(OutgoingMessage message, Attempt attempt) {
		MessageCreator creator = creator(message);
		Message created = this.httpClient.during(attempt, () -> creator.create(this.client));
		return new SentMessage(Channel.SMS, created.getSid());
	}

	private MessageCreator creator(OutgoingMessage message) {
		PhoneNumber to = new PhoneNumber(message.recipient());
		MessageCreator creator = (this.from != null) ? Message.creator(to, this.from, message.text())
				: Message.creator(to, this.messagingServiceSid, message.text());
		if (this.from != null && this.messagingServiceSid != null) {
			creator.setMessagingServiceSid(this.messagingServiceSid);
		}
		creator.setStatusCallback(
				URI.create(this.statusCallback + URLEncoder.encode(message.reference(), StandardCharsets.UTF_8)));
		if (message.validity() != null) {
			creator.setValidityPeriod(validityPeriod(message.validity()));
		}
		return creator;
	}

	// Whole seconds, rounded up, within the 1 to 36000 that Twilio accepts.
	static int validityPeriod(Duration validity) {
		long seconds = validity.getSeconds() + ((validity.getNano() > 0) ? 1 : 0);
		return (int) Math.max(1, Math.min(MAX_VALIDITY_SECONDS, seconds));
	}

	private static void logSent(OutgoingMessage message, SentMessage sent) {
		if (log.isDebugEnabled()) {
			log.debug("SMS to " + Recipients.mask(Channel.SMS, message.recipient()) + " (reference "
					+ message.reference() + ") accepted by Twilio as " + sent.providerId());
		}
	}

}
