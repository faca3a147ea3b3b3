package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.callout.CalloutExhausted;
import org.zeitspende.callout.CalloutFilled;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.HelperWithdrew;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.organisation.MemberContacts;
import org.zeitspende.security.Role;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices go through their outbox once each: cancelling a callout tells the helpers whose
 * ask went out; filling, running out of helpers and a withdrawal tell the organiser.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoticesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final GreenMailExtension SMTP = Mailbox.smtpServer();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry);
	}

	@Autowired
	AskOutbox outbox;

	@Autowired
	AskRelay asks;

	@Autowired
	NoticeRelay notices;

	@Autowired
	NoticeRepository noticeRows;

	@Autowired
	CalloutSummaries callouts;

	@Autowired
	HelperContacts contacts;

	@Autowired
	MemberContacts members;

	@Autowired
	MessageSender sender;

	@Autowired
	AskMessages messages;

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient client;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	SlotFreeNotices slotFree;

	@Test
	void cancel_tellsEveryHelperWhoseAskWentOut_once_inTheirLanguage() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID asked = helpers().insert();
		UUID askedInEnglish = helpers().messageLanguage("en").insert();
		enqueue(callout, asked, askedInEnglish);
		relayAsks(callout);
		UUID notYetAsked = helpers().insert();
		enqueue(callout, notYetAsked);

		cancel(tenant, callout);
		await().atMost(TIMEOUT).until(() -> noticeCount(callout) == 2);
		poll(2);
		poll(0);

		MimeMessage german = Mailbox.allReceivedBy(SMTP, email(asked), 2).get(1);
		assertThat(german.getSubject()).startsWith("Abgesagt: Fahrdienst in Grone, ");
		assertThat(german.getMessageID()).startsWith("<notice-");
		assertThat(german.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		MimeMessage english = Mailbox.allReceivedBy(SMTP, email(askedInEnglish), 2).get(1);
		assertThat(english.getSubject()).startsWith("Cancelled: Driving in Grone, ");
		assertThat(Mailbox.text(english)).contains("is cancelled");
		assertThat(noticeStatuses(callout)).containsOnly("SENT");

		relayAsks(callout);
		assertThat(Mailbox.allReceivedBy(SMTP, email(asked), 2)).as("still the ask and the notice").hasSize(2);
		assertThat(SMTP.getReceivedMessagesForDomain(email(notYetAsked))).as("never asked, never told").isEmpty();
	}

	@Test
	void onePoll_sendsBatchAfterBatch_untilNoneIsDue() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID[] asked = IntStream.range(0, 10).mapToObj((i) -> helpers().insert()).toArray(UUID[]::new);
		cancelledAfterAsking(tenant, callout, asked);
		// Batches of 4, two at once: 4, 4 and the last 2 in one poll.
		NoticeRelay relay = relay(this.sender, 4, 2);

		relay.poll(Instant.now()).as(StepVerifier::create).expectNext(10L).expectComplete().verify(TIMEOUT);

		assertThat(noticeStatuses(callout)).hasSize(10).containsOnly("SENT");
		for (UUID helper : asked) {
			assertThat(Mailbox.allReceivedBy(SMTP, email(helper), 1)).singleElement()
				.satisfies((notice) -> assertThat(notice.getSubject()).startsWith("Abgesagt: "));
		}
	}

	@Test
	void aFaultMeetingEveryNotice_isLoggedOnce(CapturedOutput output) {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		cancelledAfterAsking(tenant, callout,
				IntStream.range(0, 10).mapToObj((i) -> helpers().insert()).toArray(UUID[]::new));
		NoticeRelay relay = relay((message) -> Mono.error(new IllegalStateException("Template failed")), 100, 8);

		relay.poll(Instant.now()).as(StepVerifier::create).expectNext(10L).expectComplete().verify(TIMEOUT);

		assertThat(output).containsOnlyOnce("left claimed after an unexpected failure: Template failed");
		// Ended, so that no later test's poll finds them abandoned.
		this.database.sql("update notice set status = 'FAILED' where callout_id = :id")
			.bind("id", callout)
			.then()
			.block(TIMEOUT);
	}

	@Test
	void filledExhaustedAndWithdrawal_tellTheOrganiserByEmail_oncePerEvent() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		Instant filledAt = Instant.now();
		update("update callout set filled = 2, status = 'FILLED' where id = :id", callout);

		CalloutFilled filled = new CalloutFilled(callout, tenant.id(), 2, filledAt);
		this.events.publishEvent(filled);
		this.events.publishEvent(filled);
		this.events.publishEvent(new HelperWithdrew(callout, tenant.id(), UUID.randomUUID(), filledAt.plusSeconds(1)));
		this.events.publishEvent(new CalloutExhausted(callout, tenant.id(), 1, 2, filledAt.plusSeconds(2)));
		await().atMost(TIMEOUT).until(() -> noticeCount(callout) == 3);
		poll(3);

		List<MimeMessage> emails = Mailbox.allReceivedBy(SMTP, tenant.coordinator().email(), 3);
		assertThat(emails).extracting(MimeMessage::getSubject)
			.anySatisfy((subject) -> assertThat(subject).startsWith("Besetzt: Fahrdienst in Grone, "))
			.anySatisfy((subject) -> assertThat(subject).startsWith("Zusage zurückgezogen: Fahrdienst in Grone, "))
			.anySatisfy((subject) -> assertThat(subject).startsWith("Nur 2 von 2 gefunden: Fahrdienst in Grone, "));
		assertThat(noticeStatuses(callout)).containsOnly("SENT");
		assertThat(Mailbox.allReceivedBy(SMTP, tenant.coordinator().email(), 3)).hasSize(3);
	}

	@Test
	void filled_tellsAskedHelpersWhoDidNotAnswer_thatTheyAreNoLongerNeeded() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID confirmed = helpers().insert();
		UUID declined = helpers().insert();
		UUID silent = helpers().insert();
		UUID silentInEnglish = helpers().messageLanguage("en").insert();
		enqueue(callout, confirmed, declined, silent, silentInEnglish);
		relayAsks(callout);
		answer(callout, confirmed, "CONFIRMED");
		answer(callout, declined, "DECLINED");

		filled(tenant, callout, 3);
		poll(3);

		assertThat(Mailbox.allReceivedBy(SMTP, email(silent), 2).get(1).getSubject())
			.startsWith("Danke, wir sind vollständig: Fahrdienst in Grone, ");
		assertThat(Mailbox.allReceivedBy(SMTP, email(silentInEnglish), 2).get(1).getSubject())
			.startsWith("Thank you, we have enough helpers: Driving in Grone, ");
		assertThat(SMTP.getReceivedMessagesForDomain(email(confirmed))).as("only the ask").hasSize(1);
		assertThat(SMTP.getReceivedMessagesForDomain(email(declined))).as("only the ask").hasSize(1);
	}

	@Test
	void standDown_isSkipped_forHelpersWhoAnsweredOrJoinedTheStandbyListBeforeItsTurn() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID silent = helpers().insert();
		UUID lateNo = helpers().insert();
		UUID onStandby = helpers().insert();
		enqueue(callout, silent, lateNo, onStandby);
		relayAsks(callout);
		filled(tenant, callout, 4);

		// Too late for a place: one says no, one joins the standby list.
		answer(callout, lateNo, "DECLINED");
		update("insert into standby (callout_id, helper_id) values (:id, '%s')".formatted(onStandby), callout);
		poll(4);

		assertThat(Mailbox.allReceivedBy(SMTP, email(silent), 2).get(1).getSubject())
			.startsWith("Danke, wir sind vollständig: ");
		assertThat(SMTP.getReceivedMessagesForDomain(email(lateNo))).as("only the ask").hasSize(1);
		assertThat(SMTP.getReceivedMessagesForDomain(email(onStandby))).as("only the ask").hasSize(1);
		assertThat(standDowns(callout)).containsOnly(Map.entry(silent, "SENT"), Map.entry(lateNo, "SKIPPED"),
				Map.entry(onStandby, "SKIPPED"));
	}

	@Test
	void standDown_isSkipped_whenAPlaceOpenedAgainBeforeItsTurn() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID silent = helpers().insert();
		enqueue(callout, silent);
		relayAsks(callout);
		filled(tenant, callout, 2);

		// A confirmed helper withdrew: the silent helper's link may take the place.
		update("update callout set filled = 1, status = 'OPEN' where id = :id", callout);
		poll(2);

		assertThat(SMTP.getReceivedMessagesForDomain(email(silent))).as("only the ask").hasSize(1);
		assertThat(standDowns(callout)).containsOnly(Map.entry(silent, "SKIPPED"));
	}

	@Test
	void standDown_goesOnceToAHelper_howeverOftenTheCalloutFills() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID toldFirst = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID silent = helpers().insert();
		enqueue(toldFirst, silent);
		relayAsks(toldFirst);
		filled(tenant, toldFirst, 2);
		poll(2);
		// A withdrawal opens a place, and another helper takes it.
		update("update callout set filled = 1, status = 'OPEN' where id = :id", toldFirst);
		filled(tenant, toldFirst, 4);
		poll(2);

		UUID bothWaiting = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID waiting = helpers().insert();
		enqueue(bothWaiting, waiting);
		relayAsks(bothWaiting);
		filled(tenant, bothWaiting, 2);
		update("update callout set filled = 1, status = 'OPEN' where id = :id", bothWaiting);
		filled(tenant, bothWaiting, 4);
		poll(4);

		assertThat(Mailbox.allReceivedBy(SMTP, email(silent), 2)).as("the ask, one stand-down").hasSize(2);
		assertThat(standDownStatuses(toldFirst)).containsExactly("SENT", "SKIPPED");
		assertThat(Mailbox.allReceivedBy(SMTP, email(waiting), 2)).as("the ask, one stand-down").hasSize(2);
		assertThat(standDownStatuses(bothWaiting)).as("the later fill's goes").containsExactly("SKIPPED", "SENT");
	}

	// Filled with two places, once the callout's notices (all of its fills so far) number
	// as many as given.
	private void filled(Tenant tenant, UUID callout, long notices) {
		update("update callout set filled = 2, status = 'FILLED' where id = :id", callout);
		this.events.publishEvent(new CalloutFilled(callout, tenant.id(), 2, Instant.now()));
		await().atMost(TIMEOUT).until(() -> noticeCount(callout) == notices);
	}

	private void update(String sql, UUID callout) {
		this.database.sql(sql).bind("id", callout).then().block(TIMEOUT);
	}

	// Oldest fill first.
	private List<String> standDownStatuses(UUID callout) {
		return this.database
			.sql("select status from notice where callout_id = :id and kind = 'NO_LONGER_NEEDED' order by occurred_at")
			.bind("id", callout)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private Map<UUID, String> standDowns(UUID callout) {
		return this.database
			.sql("select recipient_id, status from notice where callout_id = :id and kind = 'NO_LONGER_NEEDED'")
			.bind("id", callout)
			.map((row) -> Map.entry(row.get(0, UUID.class), row.get(1, String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(TIMEOUT);
	}

	@Test
	void slotFree_tellsAHelperOnStandby_onTheChannelOfTheAsk_unlessTheConsentIsWithdrawn() throws Exception {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID waiting = helpers().insert();
		UUID waitingInEnglish = helpers().messageLanguage("en").insert();
		UUID withoutConsent = helpers().insert();
		UUID bySms = helpers().mobile().prefers("SMS").insert();
		enqueue(callout, waiting, waitingInEnglish, withoutConsent);
		this.outbox.enqueue(callout, List.of(new PlannedAsk(bySms, Channel.SMS))).block(TIMEOUT);
		relayAsks(callout);
		this.database.sql("""
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				values (:id, 'EMAIL', 'CALLOUTS', 'WITHDRAWN', '2025-12-01', 'REGISTRATION')""")
			.bind("id", withoutConsent)
			.then()
			.block(TIMEOUT);
		Instant at = Instant.now();

		for (UUID helper : List.of(waiting, waitingInEnglish, bySms)) {
			this.slotFree.queue(callout, helper, at).as(StepVerifier::create).expectNext(true).verifyComplete();
		}
		for (UUID helper : List.of(withoutConsent, UUID.randomUUID())) {
			this.slotFree.queue(callout, helper, at).as(StepVerifier::create).expectNext(false).verifyComplete();
		}
		assertThat(noticeKinds(callout)).containsExactly("SLOT_FREE", "SLOT_FREE", "SLOT_FREE");
		poll(3);

		MimeMessage german = Mailbox.allReceivedBy(SMTP, email(waiting), 2).get(1);
		assertThat(german.getSubject()).startsWith("Ein Platz ist frei geworden: Fahrdienst in Grone, ");
		String text = (String) ((MimeMultipart) german.getContent()).getBodyPart(0).getContent();
		assertThat(text).contains("ein Platz ist frei geworden — bitte bestätigen Sie erneut",
				"Link aus unserer Anfrage-E-Mail");
		MimeMessage english = Mailbox.allReceivedBy(SMTP, email(waitingInEnglish), 2).get(1);
		assertThat(english.getSubject()).startsWith("A place is free again: Driving in Grone, ");
		assertThat(SMTP.getReceivedMessagesForDomain(email(withoutConsent))).as("only the ask").hasSize(1);
		// By SMS the reply with the short code answers the ask, as the link does.
		this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(column("mobile", "helper", bySms)))
			.exchange()
			.expectBody()
			.jsonPath("$[0].text")
			.value(String.class, (sms) -> assertThat(sms).startsWith("Zeitspende: Platz frei - ")
				.contains("Erneut zusagen: JA " + column("short_code", "callout", callout)));
	}

	private String column(String column, String table, UUID id) {
		return this.database.sql("select " + column + " from " + table + " where id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	@Test
	void filled_withoutTheOrganisersChoice_tellsOnlyTheOrganiser() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		enqueue(callout, helpers().insert());
		relayAsks(callout);
		update("update callout set notify_when_filled = false where id = :id", callout);

		filled(tenant, callout, 1);
		poll(1);

		assertThat(noticeKinds(callout)).containsExactly("CALLOUT_FILLED");
	}

	private void cancel(Tenant tenant, UUID callout) {
		this.client.post()
			.uri("/api/callouts/{id}/cancel", callout)
			.headers((headers) -> headers.setBearerAuth(
					Tokens.of(this.environment).member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	// The relay takes every due ask, also those other tests left due later: count only
	// this callout's.
	private void relayAsks(UUID callout) {
		this.asks.poll(Instant.now()).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.database.sql("select count(*) from ask where callout_id = :id and status = 'PENDING'")
			.bind("id", callout)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT)).as("asks left pending").isZero();
	}

	private void answer(UUID callout, UUID helper, String answer) {
		this.database
			.sql("insert into confirmation (callout_id, helper_id, answer) values (:callout, :helper, :answer)")
			.bind("callout", callout)
			.bind("helper", helper)
			.bind("answer", answer)
			.then()
			.block(TIMEOUT);
	}

	private List<String> noticeKinds(UUID callout) {
		return this.database.sql("select kind from notice where callout_id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	@Test
	void organiserWithoutARow_failsTheNotice_andSendsNothing() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID external = UUID.randomUUID();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), external);

		this.events.publishEvent(new CalloutFilled(callout, tenant.id(), 2, Instant.now()));
		await().atMost(TIMEOUT).until(() -> noticeCount(callout) == 1);
		poll(1);

		assertThat(noticeStatuses(callout)).containsExactly("FAILED");
	}

	@Test
	void pollOnSchedule_takesTheTimeOnEveryRun() {
		// Spring subscribes to the one Mono again on every run.
		Mono<Void> scheduled = this.notices.pollOnSchedule();
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), UUID.randomUUID());
		this.events.publishEvent(new CalloutFilled(callout, tenant.id(), 2, Instant.now()));
		await().atMost(TIMEOUT).until(() -> noticeCount(callout) == 1);

		scheduled.as(StepVerifier::create).expectComplete().verify(TIMEOUT);

		assertThat(noticeStatuses(callout)).containsExactly("FAILED");
	}

	private HelperRows.Builder helpers() {
		return new HelperRows(this.database).helper("goettingen-grone", "fahrdienst");
	}

	// Asked (as if sent: these tests are about the notices only), then cancelled: a
	// notice to each.
	private void cancelledAfterAsking(Tenant tenant, UUID callout, UUID... asked) {
		enqueue(callout, asked);
		this.database.sql("update ask set status = 'SENT' where callout_id = :id")
			.bind("id", callout)
			.fetch()
			.rowsUpdated()
			.block(TIMEOUT);
		cancel(tenant, callout);
		await().atMost(TIMEOUT).until(() -> noticeCount(callout) == asked.length);
	}

	private NoticeRelay relay(MessageSender through, int batchSize, int concurrency) {
		return new NoticeRelay(this.noticeRows, this.callouts, this.contacts, this.members, through, this.messages,
				new AskProperties(Duration.ofSeconds(2), batchSize, concurrency, Duration.ofMinutes(5),
						Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(30),
						"https://zeitspende.example.org"));
	}

	private void enqueue(UUID callout, UUID... helpers) {
		this.outbox.enqueue(callout, List.of(helpers).stream().map((id) -> new PlannedAsk(id, Channel.EMAIL)).toList())
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
	}

	private void poll(long expected) {
		this.notices.poll(Instant.now()).as(StepVerifier::create).expectNext(expected).expectComplete().verify(TIMEOUT);
	}

	private long noticeCount(UUID callout) {
		return this.database.sql("select count(*) from notice where callout_id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

	private List<String> noticeStatuses(UUID callout) {
		return this.database.sql("select status from notice where callout_id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private String email(UUID helper) {
		return new HelperRows(this.database).email(helper);
	}

}
