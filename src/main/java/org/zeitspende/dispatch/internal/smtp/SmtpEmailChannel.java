package org.zeitspende.dispatch.internal.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.SentMessage;
import org.zeitspende.dispatch.internal.Attempt;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.dispatch.internal.ProviderCalls;
import org.zeitspende.dispatch.internal.Recipients;

/**
 * Email through {@link SmtpConnections}: plain text, or multipart/alternative with an
 * HTML part; {@code Message-ID: <reference@host of the public base URL>}; and, with an
 * unsubscribe link, the one-click headers of RFC 8058.
 */
final class SmtpEmailChannel implements ChannelAdapter, DisposableBean {

	private static final Log log = LogFactory.getLog(SmtpEmailChannel.class);

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private final SmtpConnections connections;

	private final ProviderCalls calls;

	private final InternetAddress from;

	private final String messageIdDomain;

	private final String server;

	SmtpEmailChannel(SmtpConnections connections, ProviderCalls calls, InternetAddress from, String messageIdDomain,
			String server) {
		this.connections = connections;
		this.calls = calls;
		this.from = from;
		this.messageIdDomain = messageIdDomain;
		this.server = server;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public String description() {
		return "SMTP " + this.server + " (from " + this.from.toUnicodeString() + ")";
	}

	@Override
	public Mono<SentMessage> send(OutgoingMessage message) {
		return this.calls.call(message.reference(), (attempt) -> deliver(message, attempt), SmtpErrors::translate)
			.doOnNext((sent) -> logSent(message, sent));
	}

	@Override
	public void destroy() {
		this.calls.dispose();
		this.connections.close();
	}

	String messageId(String reference) {
		return "<" + reference + "@" + this.messageIdDomain + ">";
	}

	private SentMessage deliver(OutgoingMessage message, Attempt attempt) throws Exception {
		this.connections.send(compose(message), attempt);
		return new SentMessage(Channel.EMAIL, messageId(message.reference()));
	}

	private MimeMessage compose(OutgoingMessage message) throws MessagingException {
		MimeMessage mime = new MimeMessage(this.connections.session());
		mime.setFrom(this.from);
		mime.setRecipient(RecipientType.TO, new InternetAddress(message.recipient(), true));
		mime.setSubject(message.subject(), UTF_8);
		mime.setSentDate(new Date());
		mime.setHeader("Auto-Submitted", "auto-generated");
		if (message.unsubscribeUrl() != null) {
			mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		if (message.html() == null) {
			mime.setText(message.text(), UTF_8);
		}
		else {
			mime.setContent(alternative(message.text(), message.html()));
		}
		mime.saveChanges();
		// After saveChanges, which would give it a Message-ID of its own.
		mime.setHeader("Message-ID", messageId(message.reference()));
		return mime;
	}

	private static MimeMultipart alternative(String text, String html) throws MessagingException {
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, UTF_8);
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html, UTF_8, "html");
		return new MimeMultipart("alternative", plain, rich);
	}

	private static void logSent(OutgoingMessage message, SentMessage sent) {
		if (log.isDebugEnabled()) {
			log.debug("Email to " + Recipients.mask(Channel.EMAIL, message.recipient()) + " (reference "
					+ message.reference() + ") accepted by the SMTP server as " + sent.providerId());
		}
	}

}
