package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zeitspende.callout.OpenCallouts;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.DeliveryFailure;
import org.zeitspende.dispatch.DeliveryReported;
import org.zeitspende.dispatch.DeliveryStatus;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.TwilioStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asks by SMS through the Twilio stub, which can fail on demand, and by email through a
 * real SMTP server when the SMS cannot reach the helper.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AskRelayThroughTwilioIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String PUBLIC_BASE_URL = "https://zeitspende.example.org";

	private static boolean sdkWarm;

	@RegisterExtension
	static final GreenMailExtension SMTP = Mailbox.smtpServer();

	@DynamicPropertySource
	static void twilio(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry);
		registry.add("zeitspende.public-base-url", () -> PUBLIC_BASE_URL);
		registry.add("zeitspende.twilio.account-sid", TwilioStub::accountSid);
		registry.add("zeitspende.twilio.auth-token", TwilioStub::authToken);
		registry.add("zeitspende.twilio.from", () -> "+4930123456789");
		registry.add("zeitspende.twilio.base-url", () -> TwilioStub.get().baseUrl());
	}

	final TwilioStub twilio = TwilioStub.get();

	@Autowired
	AskOutbox outbox;

	@Autowired
	AskRelay relay;

	@Autowired
	DatabaseClient database;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AskRepository asks;

	@Autowired
	OpenCallouts callouts;

	@Autowired
	HelperContacts contacts;

	@Autowired
	MessageSender sender;

	@Autowired
	AskMessages messages;

	@Autowired
	SmsFallback fallback;

	@Autowired
	AskTokens tokens;

	@BeforeEach
	void freshStubAndBreaker() {
		warmUpTheSdk();
		this.twilio.reset();
		this.circuitBreakers.circuitBreaker("twilio").reset();
	}

	@Test
	void poll_sendsSmsWithLinkStatusCallbackAndValidity() {
		UUID ask = enqueueSmsAsk();

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("SENT");
		assertThat(row(ask).providerId()).matches("SM[0-9a-f]{32}");
		assertThat(this.twilio.requests()).singleElement().satisfies((request) -> {
			assertThat(request.field("Body")).containsPattern(PUBLIC_BASE_URL + "/c/[A-Za-z0-9_-]{22}");
			assertThat(request.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + "/hooks/twilio/status?ref=" + ask);
			assertThat(request.field("ValidityPeriod")).isEqualTo("36000");
		});
	}

	@Test
	void poll_rateLimitedEveryTime_leavesAskPendingUntilLater_thenSendsIt() {
		UUID ask = enqueueSmsAsk();
		this.twilio.failNext(3, 429, 20429);
		Instant now = Instant.now();

		poll(now);

		Row waiting = row(ask);
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.nextAttemptAt()).isAfter(now.plusSeconds(10));
		assertThat(this.twilio.requests()).hasSize(3);

		poll(now);
		assertThat(row(ask).status()).as("not due yet").isEqualTo("PENDING");

		// Three failures in a row open the test's small breaker; it would hold the ask
		// back just the same, and is closed again here to see the retry go out.
		assertThat(waiting.lastError()).isNotBlank();
		this.circuitBreakers.circuitBreaker("twilio").reset();
		poll(waiting.nextAttemptAt());
		assertThat(row(ask).status()).as(() -> row(ask).toString()).isEqualTo("SENT");
		assertThat(row(ask).attempts()).isEqualTo(2);
		assertThat(this.twilio.requests()).hasSize(4);
	}

	@Test
	void poll_mostRequestsFailWith5xx_opensTheBreaker_keepsAsksPending_andSendsEachOnceAfterRecovery() {
		UUID callout = openCallout();
		List<UUID> helpers = IntStream.range(0, 10)
			.mapToObj((i) -> helpers().withoutEmail().mobile().insert())
			.toList();
		enqueue(callout, helpers);
		// Six of ten answers fail, spread out.
		for (boolean fails : new boolean[] { true, false, true, true, false, true, true, false, true, false }) {
			if (fails) {
				this.twilio.failNext(1, 503, 20503);
			}
			else {
				this.twilio.delayNext(Duration.ZERO);
			}
		}
		Instant now = Instant.now();

		poll(now);

		assertThat(this.circuitBreakers.circuitBreaker("twilio").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		List<Row> afterOutage = rows(callout);
		assertThat(afterOutage).extracting(Row::status).containsOnly("SENT", "PENDING").contains("PENDING");
		long sentDuringOutage = afterOutage.stream().filter((row) -> row.status().equals("SENT")).count();

		this.twilio.reset();
		this.circuitBreakers.circuitBreaker("twilio").reset();
		poll(now.plus(Duration.ofHours(1)));

		List<Row> afterRecovery = rows(callout);
		assertThat(afterRecovery).extracting(Row::status).containsOnly("SENT");
		assertThat(afterRecovery).extracting(Row::providerId).doesNotHaveDuplicates().doesNotContainNull();
		assertThat(this.twilio.requests()).as("each ask left pending sent once, none of the sent ones again")
			.hasSize(10 - (int) sentDuringOutage);
		assertThat(this.twilio.requests()).extracting((request) -> request.field("To")).doesNotHaveDuplicates();
	}

	@Test
	void anOutage_isLoggedAsAStreak_notAsALinePerAsk(CapturedOutput output) {
		UUID callout = openCallout();
		enqueue(callout, IntStream.range(0, 100).mapToObj((i) -> helpers().withoutEmail().mobile().insert()).toList());
		this.twilio.failNext(1000, 503, 20503);
		Instant now = Instant.now();

		poll(now);
		poll(now.plus(Duration.ofHours(1)));

		assertThat(rows(callout)).extracting(Row::status).containsOnly("PENDING");
		assertThat(this.circuitBreakers.circuitBreaker("twilio").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// 200 failures, a line each before; now the first (unless a test before logged
		// one within the minute) and perhaps a reminder. See ChannelRouterTests.
		assertThat(output.getAll().lines().filter((line) -> line.contains("SMS to") || line.contains("still fails")))
			.hasSizeLessThanOrEqualTo(2);

		// Sent once it is over, so that no later test's poll finds them due.
		this.twilio.reset();
		this.circuitBreakers.circuitBreaker("twilio").reset();
		poll(now.plus(Duration.ofHours(2)));
		assertThat(rows(callout)).extracting(Row::status).containsOnly("SENT");
	}

	@Test
	void aFaultMeetingEveryAsk_isLoggedWithItsStackTraceOnce(CapturedOutput output) {
		UUID callout = openCallout();
		enqueue(callout, IntStream.range(0, 50).mapToObj((i) -> helpers().withoutEmail().mobile().insert()).toList());
		AskRelay relay = new AskRelay(this.asks, this.callouts, this.contacts,
				(message) -> Mono.error(new IllegalStateException("Template failed")), this.messages, this.fallback,
				this.tokens, new AskProperties(Duration.ofSeconds(2), 100, 8, Duration.ofMinutes(5),
						Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(30), PUBLIC_BASE_URL));

		relay.poll(Instant.now()).as(StepVerifier::create).expectNext(50L).expectComplete().verify(TIMEOUT);

		assertThat(rows(callout)).extracting(Row::status).containsOnly("SENDING");
		assertThat(output).containsOnlyOnce("left claimed after an unexpected failure")
			.containsOnlyOnce("java.lang.IllegalStateException: Template failed");
		// Ended, so that no later test's poll finds them abandoned.
		this.database.sql("update ask set status = 'FAILED' where callout_id = :id")
			.bind("id", callout)
			.then()
			.block(TIMEOUT);
	}

	@Test
	void onePoll_sendsBatchAfterBatch_untilNoneIsDue() {
		UUID callout = openCallout();
		enqueue(callout, IntStream.range(0, 10).mapToObj((i) -> helpers().withoutEmail().mobile().insert()).toList());
		// Batches of 4, two at once: 4, 4 and the last 2 in one poll.
		AskRelay relay = relay(4, 2);

		relay.poll(Instant.now()).as(StepVerifier::create).expectNext(10L).expectComplete().verify(TIMEOUT);

		assertThat(rows(callout)).hasSize(10).allSatisfy((row) -> {
			assertThat(row.status()).isEqualTo("SENT");
			assertThat(row.attempts()).isOne();
		});
		assertThat(this.twilio.requests()).hasSize(10)
			.extracting((request) -> request.field("To"))
			.doesNotHaveDuplicates();
	}

	@Test
	void relayStoppedMidSend_anotherRelayTakesOver_sendingEveryUnclaimedAskOnce_andNoAskTwice() {
		UUID callout = openCallout();
		enqueue(callout, IntStream.range(0, 10).mapToObj((i) -> helpers().withoutEmail().mobile().insert()).toList());
		// A replica that claims three asks at a time, sends three at once, and whose
		// Twilio calls hang until it is stopped: it holds its first batch in flight and
		// the next one claimed.
		AskRelay stopping = relay(3, 3);
		for (int i = 0; i < 3; i++) {
			this.twilio.delayNext(Duration.ofSeconds(3));
		}
		Disposable stopped = stopping.poll(Instant.now()).subscribe();
		await().atMost(TIMEOUT)
			.until(() -> this.twilio.requests().size() == 3
					&& rows(callout).stream().filter((row) -> row.status().equals("SENDING")).count() == 6);
		stopped.dispose();

		// Another replica polls after the lease of the stopped one's claims ran out.
		poll(Instant.now().plus(Duration.ofMinutes(6)));
		poll(Instant.now().plus(Duration.ofMinutes(7)));

		List<Row> rows = rows(callout);
		assertThat(rows).extracting(Row::status).containsOnly("SENT", "UNKNOWN");
		assertThat(rows).filteredOn((row) -> row.status().equals("UNKNOWN")).hasSize(6);
		assertThat(rows).filteredOn((row) -> row.status().equals("SENT"))
			.hasSize(4)
			.allSatisfy((row) -> assertThat(row.attempts()).isOne());
		// The three hanging calls and the four sent after; the three claimed behind them
		// were never sent.
		await().atMost(TIMEOUT).until(() -> this.twilio.requests().size() >= 7);
		assertThat(this.twilio.requests()).hasSize(7)
			.extracting((request) -> request.field("To"))
			.doesNotHaveDuplicates();
	}

	@Test
	void poll_optedOutNumberWithoutEmail_recordsTheOptOut_andFailsTheAskForGood() {
		UUID ask = enqueueSmsAsk();
		this.twilio.failNext(1, 400, 21610);

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("FAILED");
		assertThat(row(ask).lastError()).startsWith("OPTED_OUT").doesNotContain("+49");
		assertThat(consent(helperOf(ask), "SMS")).isEqualTo("WITHDRAWN");
	}

	@Test
	void poll_optedOutNumber_recordsTheOptOut_andAsksTheSameAskByEmail() throws Exception {
		UUID ask = enqueueSmsAsk(helpers().mobile().insert());
		this.database
			.sql("update callout set meeting_point = '<b>Hof & Tor</b>' where id = (select callout_id "
					+ "from ask where id = :id)")
			.bind("id", ask)
			.then()
			.block(TIMEOUT);
		this.twilio.failNext(1, 400, 21610);

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("PENDING");
		assertThat(row(ask).channel()).isEqualTo("EMAIL");
		assertThat(consent(helperOf(ask), "SMS")).isEqualTo("WITHDRAWN");
		assertThat(consent(helperOf(ask), "EMAIL")).isEqualTo("CONFIRMED");

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("SENT");
		assertThat(askCount(ask)).as("still one ask per helper and callout").isOne();
		MimeMessage email = Mailbox.receivedBy(SMTP, contact(helperOf(ask), "email"));
		assertThat(email.getMessageID()).isEqualTo("<" + ask + "@zeitspende.example.org>");
		assertThat(email.getSubject()).startsWith("Hilfe gesucht: Fahrdienst in Grone, ");
		assertThat(email.getContentType()).startsWith("multipart/alternative");
		assertThat(Mailbox.text(email)).contains("Sie sind f=C3=BCr Fahrdienst in Grone eingetragen.")
			.containsPattern(PUBLIC_BASE_URL + "/c/[A-Za-z0-9_-]{22}\\s")
			.doesNotContain(ask.toString())
			.contains("text/html");
		assertThat(Mailbox.text(email).replace("=\r\n", "").replace("=3D", "="))
			.as("the meeting point only for those who said yes")
			.doesNotContain("Treffpunkt", "Hof & Tor", "Hof &amp; Tor")
			.containsPattern("<a href=\"" + PUBLIC_BASE_URL + "/c/[A-Za-z0-9_-]{22}\">");
		assertThat(email.getHeader("List-Unsubscribe")).singleElement()
			.asString()
			.startsWith("<" + PUBLIC_BASE_URL + "/api/unsubscribe/");
		assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 21211, 21614, 21635 })
	void poll_numberThatCannotTakeSms_needsVerifyingAgain_andTheAskGoesByEmail(int code) {
		UUID ask = enqueueSmsAsk(helpers().mobile().insert());
		this.twilio.failNext(1, 400, code);

		poll(Instant.now());

		assertThat(row(ask).channel()).isEqualTo("EMAIL");
		assertThat(row(ask).lastError()).startsWith("INVALID_RECIPIENT").doesNotContain("+49");
		assertThat(mobileVerified(helperOf(ask))).isFalse();
		assertThat(consent(helperOf(ask), "SMS")).as("consent is the helper's to give and withdraw")
			.isEqualTo("CONFIRMED");
		poll(Instant.now());
		assertThat(row(ask).status()).isEqualTo("SENT");
		Mailbox.receivedBy(SMTP, contact(helperOf(ask), "email"));
	}

	@Test
	void poll_invalidNumberOfAHelperWithoutEmail_keepsTheNumberVerified_andFails() {
		UUID ask = enqueueSmsAsk();
		this.twilio.failNext(1, 400, 21211);

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("FAILED");
		assertThat(mobileVerified(helperOf(ask))).isTrue();
	}

	@Test
	void reportedUnreachable_triesOneMoreSmsLater_thenAsksByEmail() {
		UUID ask = enqueueSmsAsk(helpers().mobile().insert());
		poll(Instant.now());
		String firstSid = row(ask).providerId();

		reportUndelivered(ask, firstSid, "30003", DeliveryFailure.UNREACHABLE);

		await().atMost(TIMEOUT).until(() -> "PENDING".equals(row(ask).status()));
		Row waiting = row(ask);
		assertThat(waiting.channel()).isEqualTo("SMS");
		assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(20)));
		poll(waiting.nextAttemptAt());
		assertThat(row(ask).status()).isEqualTo("SENT");
		assertThat(this.twilio.requests()).hasSize(2);
		String secondSid = row(ask).providerId();

		// A late repeat of the first report is about the first SMS and changes nothing.
		reportUndelivered(ask, firstSid, "30003", DeliveryFailure.UNREACHABLE);
		reportUndelivered(ask, secondSid, "30003", DeliveryFailure.UNREACHABLE);

		await().atMost(TIMEOUT).until(() -> "EMAIL".equals(row(ask).channel()));
		poll(Instant.now());
		assertThat(row(ask).status()).isEqualTo("SENT");
		Mailbox.receivedBy(SMTP, contact(helperOf(ask), "email"));
		assertThat(this.twilio.requests()).hasSize(2);
	}

	@Test
	void reportedLandline_needsVerifyingAgain_andTheAskGoesByEmail() {
		UUID ask = enqueueSmsAsk(helpers().mobile().insert());
		poll(Instant.now());

		reportUndelivered(ask, row(ask).providerId(), "30006", DeliveryFailure.INVALID_RECIPIENT);

		await().atMost(TIMEOUT).until(() -> "EMAIL".equals(row(ask).channel()));
		assertThat(row(ask).status()).isEqualTo("PENDING");
		assertThat(mobileVerified(helperOf(ask))).isFalse();
	}

	@Test
	void reportedOptOut_withoutEmail_failsTheAsk() {
		UUID ask = enqueueSmsAsk();
		poll(Instant.now());

		reportUndelivered(ask, row(ask).providerId(), "21610", DeliveryFailure.OPTED_OUT);

		await().atMost(TIMEOUT).until(() -> "FAILED".equals(row(ask).status()));
		assertThat(row(ask).channel()).isEqualTo("SMS");
	}

	@Test
	void poll_helperReadingEnglish_getsTheAskInEnglish_inOneGsm7Segment() {
		UUID ask = enqueueSmsAsk(helpers().withoutEmail().mobile().messageLanguage("en").insert());

		poll(Instant.now());

		String body = this.twilio.requests().get(0).field("Body");
		assertThat(body).startsWith("Zeitspende: help with Driving in Grone, ").contains("You registered for");
		assertThat(SmsText.segments(body)).isOne();
		assertThat(SmsText.isGsm7(body)).isTrue();
	}

	@Test
	void poll_serverErrorAfterTheRequest_endsUnknown_andIsNotSentAgain() {
		UUID ask = enqueueSmsAsk();
		this.twilio.delayNext(Duration.ofSeconds(8));

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("UNKNOWN");
		poll(Instant.now().plus(Duration.ofHours(2)));
		assertThat(row(ask).status()).isEqualTo("UNKNOWN");
		assertThat(this.twilio.requests()).hasSize(1);
	}

	// The SDK's first call in a context takes seconds on a busy machine; it is paid here,
	// not within a test's time limit.
	private void warmUpTheSdk() {
		if (!sdkWarm) {
			this.sender.send(OutgoingMessage.sms("+4915112345678", "warm-up", "warm-up"))
				.onErrorResume((ex) -> Mono.empty())
				.block(TIMEOUT);
			sdkWarm = true;
		}
	}

	private UUID enqueueSmsAsk() {
		return enqueueSmsAsk(helpers().withoutEmail().mobile().insert());
	}

	private HelperRows.Builder helpers() {
		return new HelperRows(this.database).helper("goettingen-grone", "fahrdienst");
	}

	private UUID enqueueSmsAsk(UUID helper) {
		UUID callout = openCallout();
		enqueue(callout, List.of(helper));
		return this.database.sql("select id from ask where callout_id = :callout")
			.bind("callout", callout)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

	private UUID openCallout() {
		Tenant tenant = new Tenants(this.database).approved();
		return new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
	}

	private void enqueue(UUID callout, List<UUID> helpers) {
		this.outbox.enqueue(callout, helpers.stream().map((helper) -> new PlannedAsk(helper, Channel.SMS)).toList())
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
	}

	private List<Row> rows(UUID callout) {
		return this.database.sql("select id from ask where callout_id = :callout")
			.bind("callout", callout)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block(TIMEOUT)
			.stream()
			.map(this::row)
			.toList();
	}

	private void poll(Instant now) {
		this.relay.poll(now).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	private void reportUndelivered(UUID ask, String sid, String code, DeliveryFailure failure) {
		this.events.publishEvent(new DeliveryReported(ask.toString(), sid, DeliveryStatus.UNDELIVERED, code, failure));
	}

	private Row row(UUID ask) {
		return this.database
			.sql("select status, channel, attempts, provider_id, last_error, next_attempt_at from ask where id = :id")
			.bind("id", ask)
			.map((row) -> new Row(row.get("status", String.class), row.get("channel", String.class),
					row.get("attempts", Integer.class), row.get("provider_id", String.class),
					row.get("last_error", String.class), row.get("next_attempt_at", OffsetDateTime.class).toInstant()))
			.one()
			.block(TIMEOUT);
	}

	private long askCount(UUID ask) {
		return this.database
			.sql("select count(*) from ask where callout_id = (select callout_id from ask where id = :id)")
			.bind("id", ask)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

	private UUID helperOf(UUID ask) {
		return this.database.sql("select helper_id from ask where id = :id")
			.bind("id", ask)
			.map((row) -> row.get(0, UUID.class))
			.one()
			.block(TIMEOUT);
	}

	private String contact(UUID helper, String column) {
		return this.database.sql("select " + column + " from helper where id = :id")
			.bind("id", helper)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private boolean mobileVerified(UUID helper) {
		return this.database.sql("select mobile_verified_at is not null from helper where id = :id")
			.bind("id", helper)
			.map((row) -> row.get(0, Boolean.class))
			.one()
			.block(TIMEOUT);
	}

	private String consent(UUID helper, String channel) {
		return this.database.sql(
				"select action from consent_state where helper_id = :id and channel = :channel and purpose = 'CALLOUTS'")
			.bind("id", helper)
			.bind("channel", channel)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	// A relay of another replica, with its own batch size and concurrency.
	private AskRelay relay(int batchSize, int concurrency) {
		return new AskRelay(this.asks, this.callouts, this.contacts, this.sender, this.messages, this.fallback,
				this.tokens, new AskProperties(Duration.ofSeconds(2), batchSize, concurrency, Duration.ofMinutes(5),
						Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(30), PUBLIC_BASE_URL));
	}

	record Row(String status, String channel, int attempts, String providerId, String lastError,
			Instant nextAttemptAt) {
	}

}
