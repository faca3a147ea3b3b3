package org.zeitspende.dispatch;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.zeitspende.dispatch.MessageRejectedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email through the SMTP adapter to a GreenMail server.
 */
class EmailThroughSmtpIntegrationTests extends ProviderChannelsIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	MessageSender sender;

	@Test
	void send_withHtml_isMultipartAlternativeWithTheListHeaders() throws Exception {
		String to = anAddress();
		String reference = "ask-" + UUID.randomUUID();
		OutgoingMessage message = OutgoingMessage.email(to, "Einsatz in Göttingen: bist du dabei?",
				"Hallo, öffne https://zeitspende.example.org/c/abc", "<p>Hallo, <a href=\"x\">öffnen</a></p>",
				"https://zeitspende.example.org/u/xyz", reference);

		this.sender.send(message)
			.as(StepVerifier::create)
			.assertNext((sent) -> assertThat(sent)
				.isEqualTo(new SentMessage(Channel.EMAIL, "<" + reference + "@zeitspende.example.org>")))
			.expectComplete()
			.verify(TIMEOUT);

		MimeMessage received = theOnlyMessage();
		assertThat(received.getMessageID()).isEqualTo("<" + reference + "@zeitspende.example.org>");
		assertThat(received.getSubject()).isEqualTo("Einsatz in Göttingen: bist du dabei?");
		assertThat(received.getFrom()).extracting(Address::toString)
			.containsExactly(new InternetAddress(MAIL_FROM).toString());
		assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://zeitspende.example.org/u/xyz>");
		assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertPart(parts.getBodyPart(0), "text/plain", "Hallo, öffne https://zeitspende.example.org/c/abc");
		assertPart(parts.getBodyPart(1), "text/html", "<p>Hallo, <a href=\"x\">öffnen</a></p>");
	}

	@Test
	void send_withoutHtml_isPlainTextWithoutListHeaders() throws Exception {
		String reference = "plain-" + UUID.randomUUID();

		this.sender.send(OutgoingMessage.email(anAddress(), "Dein Code", "Code: 123456", null, null, reference))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		MimeMessage received = theOnlyMessage();
		assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(((String) received.getContent()).strip()).isEqualTo("Code: 123456");
		assertThat(received.getHeader("List-Unsubscribe")).isNull();
		assertThat(received.getMessageID()).isEqualTo("<" + reference + "@zeitspende.example.org>");
	}

	@Test
	void send_toMalformedAddress_isRejectedAndNothingIsSent() {
		this.sender.send(OutgoingMessage.email("not an address", "Betreff", "Text", null, null, "bad-1"))
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageRejectedException.class,
					(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.INVALID_RECIPIENT)))
			.verify(TIMEOUT);

		assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
	}

	private static MimeMessage theOnlyMessage() {
		assertThat(MAIL_SERVER.waitForIncomingEmail(TIMEOUT.toMillis(), 1)).isTrue();
		MimeMessage[] messages = MAIL_SERVER.getReceivedMessages();
		assertThat(messages).hasSize(1);
		return messages[0];
	}

	private static void assertPart(BodyPart part, String type, String content) throws Exception {
		assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
		assertThat(((String) part.getContent()).strip()).isEqualTo(content);
	}

	private static String anAddress() {
		return "helfer-" + UUID.randomUUID() + "@example.org";
	}

}
