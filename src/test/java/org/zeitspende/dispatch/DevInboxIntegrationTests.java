package org.zeitspende.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.dispatch.internal.ChannelAdapter;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local default: neither Twilio nor SMTP configured, so every message goes to the dev
 * inbox.
 */
@IntegrationTest
class DevInboxIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	MessageSender sender;

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Test
	void smsAndEmail_appearInTheInboxJson_newestFirst() {
		String number = aMobileNumber();
		String address = "helfer-" + UUID.randomUUID() + "@example.org";
		SentMessage first = send(OutgoingMessage.sms(number, "Code 111111", "sms-1"));
		SentMessage second = send(OutgoingMessage.sms(number, "Neu: https://localhost/c/tok. Danke", "sms-2"));
		SentMessage email = send(OutgoingMessage.email(address, "Anmelden", "https://localhost/s/link", "<p>Hi</p>",
				"https://localhost/u/1", "mail-1"));

		assertThat(List.of(first, second, email))
			.allSatisfy((sent) -> assertThat(sent.providerId()).startsWith("dev-"));
		assertThat(email.channel()).isEqualTo(Channel.EMAIL);
		this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(number))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].reference")
			.isEqualTo("sms-2")
			.jsonPath("$[0].id")
			.isEqualTo(second.providerId())
			.jsonPath("$[0].links[0]")
			.isEqualTo("https://localhost/c/tok")
			.jsonPath("$[1].text")
			.isEqualTo("Code 111111")
			.jsonPath("$[1].channel")
			.isEqualTo("SMS");
		this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", address).build())
			.exchange()
			.expectBody()
			.jsonPath("$[0].subject")
			.isEqualTo("Anmelden")
			.jsonPath("$[0].html")
			.isEqualTo("<p>Hi</p>")
			.jsonPath("$[0].unsubscribeUrl")
			.isEqualTo("https://localhost/u/1");
	}

	@Test
	void page_showsMessagesEscapedWithClickableLinks() {
		String number = aMobileNumber();
		send(OutgoingMessage.sms(number, "<script>alert(1)</script> Öffne https://localhost/c/a?x=1&y=2.", "page-1"));

		String page = this.client.get()
			.uri("/dev/inbox")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueMatches("Content-Security-Policy", ".*default-src 'none'.*")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains(number)
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>")
			.contains(
					"<a href=\"https://localhost/c/a?x=1&amp;y=2\" rel=\"noreferrer\">https://localhost/c/a?x=1&amp;y=2</a>.")
			.doesNotContain("http-equiv", "src=\"http");
	}

	@Test
	void nothingIsSentAnywhere_bothChannelsGoToTheDevInbox() {
		assertThat(this.context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
		assertThat(this.context.getBeansOfType(ChannelAdapter.class).values()).extracting(ChannelAdapter::description)
			.hasSize(2)
			.allSatisfy((description) -> assertThat(description).startsWith("dev inbox at "));
	}

	private SentMessage send(OutgoingMessage message) {
		AtomicReference<SentMessage> sent = new AtomicReference<>();
		this.sender.send(message).as(StepVerifier::create).consumeNextWith(sent::set).expectComplete().verify(TIMEOUT);
		return sent.get();
	}

	private static String aMobileNumber() {
		return "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
	}

}
