package org.zeitspende.dispatch.internal.smtp;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.dispatch.internal.NotAcceptedException;
import org.zeitspende.dispatch.internal.ProviderResilience;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What real SMTP replies and connection failures become, against a scripted SMTP server.
 */
class SmtpEmailChannelTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final int MAX_ATTEMPTS = 3;

	private final AtomicInteger retries = new AtomicInteger();

	private ScriptedSmtpServer server;

	private SmtpConnections connections;

	private SmtpEmailChannel channel;

	@AfterEach
	void stop() throws Exception {
		if (this.channel != null) {
			this.channel.destroy();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void recipientRefusedWith550_isAnInvalidRecipientAndNotRetried() throws Exception {
		channelTo(scriptedServer().port());
		this.server.recipientReplies.add("550 5.1.1 <helfer@example.org>: Recipient address rejected");

		expectRejected(Reason.INVALID_RECIPIENT);
		assertThat(this.server.recipientCommands).hasValue(1);
	}

	@Test
	void recipientDeferredWith450Once_isSentOnTheRetry() throws Exception {
		channelTo(scriptedServer().port());
		this.server.recipientReplies.add("450 4.2.0 Greylisted, try again later");

		this.channel.send(message())
			.as(StepVerifier::create)
			.assertNext((sent) -> assertThat(sent.providerId()).isEqualTo("<mail-1@zeitspende.example.org>"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.server.recipientCommands).hasValue(2);
		assertThat(this.server.messages).hasValue(1);
	}

	@Test
	void recipientDeferredEveryTime_isNotSentAfterMaxAttempts() throws Exception {
		channelTo(scriptedServer().port());
		for (int i = 0; i < MAX_ATTEMPTS; i++) {
			this.server.recipientReplies.add("451 4.3.0 Try again later");
		}

		expectNotSent(false);
		assertThat(this.server.recipientCommands).hasValue(MAX_ATTEMPTS);
	}

	@Test
	void messageRefusedAfterData_isRejected() throws Exception {
		channelTo(scriptedServer().port());
		this.server.dataReplies.add("554 5.7.1 Message refused");

		expectRejected(Reason.REJECTED);
	}

	@Test
	void serverBusyAtGreeting_sentNothing_andIsRetried() throws Exception {
		channelTo(scriptedServer().port());
		this.server.greetings.add("421 4.3.2 Too busy");

		this.channel.send(message()).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.retries).hasValue(1);
	}

	@Test
	void connectionLostAfterTheMessage_hasAnUnknownOutcomeAndIsNotRetried() throws Exception {
		channelTo(scriptedServer().port());
		this.server.dataReplies.add("");

		expectNotSent(true);
		assertThat(this.retries).hasValue(0);
	}

	@Test
	void emailsOneAfterAnother_shareOneConnection() throws Exception {
		channelTo(scriptedServer().port());

		for (int i = 1; i <= 3; i++) {
			expectSent(message("mail-" + i));
		}
		assertThat(this.server.connections).hasValue(1);
		assertThat(this.server.messages).hasValue(3);
		assertThat(this.server.quits).hasValue(0);
	}

	@Test
	void aKeptConnectionTheServerClosed_isReplaced_andTheEmailSentOnce() throws Exception {
		channelTo(scriptedServer().port());
		expectSent(message("mail-1"));

		this.server.dropConnections();

		expectSent(message("mail-2"));
		assertThat(this.server.connections).hasValue(2);
		assertThat(this.server.messages).hasValue(2);
		assertThat(this.retries).hasValue(0);
	}

	@Test
	void aKeptConnectionTheServerRefusesWith421_isReplaced_andTheEmailSentOnce() throws Exception {
		channelTo(scriptedServer().port());
		expectSent(message("mail-1"));
		this.server.noopReplies.add("421 4.4.2 Idle for too long, closing");

		expectSent(message("mail-2"));
		assertThat(this.server.connections).hasValue(2);
		assertThat(this.server.messages).hasValue(2);
		assertThat(this.retries).hasValue(0);
	}

	@Test
	void aKeptConnectionLostAfterTheMessage_hasAnUnknownOutcome_andIsNotUsedAgain() throws Exception {
		channelTo(scriptedServer().port());
		expectSent(message("mail-1"));
		this.server.dataReplies.add("");

		expectNotSent(true);
		assertThat(this.retries).hasValue(0);
		expectSent(message("mail-3"));
		assertThat(this.server.connections).hasValue(2);
	}

	@Test
	void emailsSentAtOnce_eachArriveOnce_andEveryConnectionIsClosedOnStop() throws Exception {
		channelTo(scriptedServer().port());
		int emails = 40;

		Flux.range(1, emails)
			.flatMap((i) -> this.channel.send(message("mail-" + i)))
			.as(StepVerifier::create)
			.expectNextCount(emails)
			.expectComplete()
			.verify(TIMEOUT);
		this.channel.destroy();

		assertThat(this.server.messages).hasValue(emails);
		assertThat(this.server.connections.get()).isBetween(1, emails - 1);
		assertThat(this.server.quits).hasValue(this.server.connections.get());
	}

	@Test
	void aConnectionWhoseEmailFailed_isClosedAndNotUsedAgain() throws Exception {
		channelTo(scriptedServer().port());
		this.server.recipientReplies.add("550 5.1.1 <helfer@example.org>: Recipient address rejected");
		expectRejected(Reason.INVALID_RECIPIENT);

		expectSent(message("mail-2"));
		assertThat(this.server.connections).hasValue(2);
		assertThat(this.server.quits).hasValue(1);
	}

	@Test
	void aConnection_isClosedAfterItsMaximumOfEmails() throws Exception {
		channelTo(scriptedServer().port(), 2);

		for (int i = 1; i <= 3; i++) {
			expectSent(message("mail-" + i));
		}
		assertThat(this.server.connections).hasValue(2);
		assertThat(this.server.quits).hasValue(1);
	}

	@Test
	void unusedConnections_areClosed() throws Exception {
		channelTo(scriptedServer().port());
		expectSent(message("mail-1"));

		this.connections.closeUnusedSince(Instant.now().plusSeconds(1));

		assertThat(this.server.quits).hasValue(1);
		expectSent(message("mail-2"));
		assertThat(this.server.connections).hasValue(2);
	}

	@Test
	void keptConnections_areClosedWhenTheServiceStops() throws Exception {
		channelTo(scriptedServer().port());
		expectSent(message("mail-1"));

		this.channel.destroy();

		assertThat(this.server.quits).hasValue(1);
	}

	@Test
	void connectionRefused_isRetriedThenNotSent() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		channelTo(closedPort);

		expectNotSent(false);
		assertThat(this.retries).hasValue(MAX_ATTEMPTS - 1);
	}

	private ScriptedSmtpServer scriptedServer() throws Exception {
		this.server = new ScriptedSmtpServer();
		return this.server;
	}

	private void channelTo(int port) throws Exception {
		channelTo(port, SmtpConnections.MAX_MESSAGES);
	}

	private void channelTo(int port, int maxMessages) throws Exception {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "2000");
		properties.setProperty("mail.smtp.timeout", "2000");
		mailSender.setJavaMailProperties(properties);
		RetryRegistry retryRegistry = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(MAX_ATTEMPTS)
			.waitDuration(Duration.ofMillis(5))
			.retryExceptions(NotAcceptedException.class)
			.build());
		retryRegistry.retry("smtp").getEventPublisher().onRetry((event) -> this.retries.incrementAndGet());
		ProviderResilience resilience = new ProviderResilience(
				CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
					.recordExceptions(MessageNotSentException.class)
					.ignoreExceptions(MessageRejectedException.class)
					.build()),
				BulkheadRegistry.ofDefaults(),
				TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(10)).build()),
				RateLimiterRegistry.ofDefaults(), retryRegistry);
		this.connections = new SmtpConnections(mailSender, maxMessages);
		this.channel = new SmtpEmailChannel(this.connections, resilience.callsFor("smtp"),
				new InternetAddress("Zeitspende <no-reply@zeitspende.example.org>"), "zeitspende.example.org",
				"127.0.0.1:" + port);
	}

	private static OutgoingMessage message() {
		return message("mail-1");
	}

	private static OutgoingMessage message(String reference) {
		return OutgoingMessage.email("helfer@example.org", "Betreff", "Text", null, null, reference);
	}

	private void expectSent(OutgoingMessage message) {
		this.channel.send(message)
			.as(StepVerifier::create)
			.assertNext((sent) -> assertThat(sent.providerId())
				.isEqualTo("<" + message.reference() + "@zeitspende.example.org>"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private void expectRejected(Reason reason) {
		this.channel.send(message())
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(MessageRejectedException.class,
						(rejected) -> assertThat(rejected.reason()).isEqualTo(reason))
				.hasMessageNotContaining("helfer@example.org"))
			.verify(TIMEOUT);
	}

	private void expectNotSent(boolean outcomeUnknown) {
		this.channel.send(message())
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageNotSentException.class,
					(notSent) -> assertThat(notSent.outcomeUnknown()).as("outcome unknown").isEqualTo(outcomeUnknown)))
			.verify(TIMEOUT);
	}

}
