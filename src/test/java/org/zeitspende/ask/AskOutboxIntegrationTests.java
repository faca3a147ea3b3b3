package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.DeliveryFailure;
import org.zeitspende.dispatch.DeliveryReported;
import org.zeitspende.dispatch.DeliveryStatus;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asks go from the outbox to the dev inbox, once each, and move forward only.
 */
@IntegrationTest
class AskOutboxIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Pattern LINK = Pattern.compile("/c/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])");

	@Autowired
	AskOutbox outbox;

	@Autowired
	AskRelay relay;

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	DeliveryReports reports;

	@Autowired
	ReactiveTransactionManager transactions;

	@Autowired
	ApplicationEventMulticaster multicaster;

	final List<Object> published = new CopyOnWriteArrayList<>();

	final ApplicationListener<ApplicationEvent> listener = (event) -> {
		if (event instanceof PayloadApplicationEvent<?> payload) {
			this.published.add(payload.getPayload());
		}
	};

	@BeforeEach
	void listen() {
		this.multicaster.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.multicaster.removeApplicationListener(this.listener);
	}

	@Test
	void poll_sendsEnqueuedAsks_andRecordsTheProviderIds() {
		UUID callout = openCallout();
		UUID byEmail = helpers().helper("goettingen-grone", "fahrdienst").insert();
		UUID bySms = helpers().helper("goettingen-grone", "fahrdienst").withoutEmail().mobile().prefers("SMS").insert();

		enqueue(callout, new PlannedAsk(byEmail, Channel.EMAIL), new PlannedAsk(bySms, Channel.SMS));
		poll();

		List<AskRow> rows = rows(callout);
		assertThat(rows).hasSize(2).allSatisfy((row) -> {
			assertThat(row.status()).isEqualTo("SENT");
			assertThat(row.providerId()).startsWith("dev-");
			assertThat(row.attempts()).isEqualTo(1);
		});
		AskRow sms = rows.stream().filter((row) -> row.helperId().equals(bySms)).findFirst().orElseThrow();
		this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(contact(bySms, "mobile")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].reference")
			.isEqualTo(sms.id().toString())
			.jsonPath("$[0].id")
			.isEqualTo(sms.providerId())
			.jsonPath("$[0].text")
			.value((String text) -> {
				assertThat(text).contains("Fahrdienst in Grone");
				assertThat(tokenHash(sms.id())).isEqualTo(AskTokens.sha256(linkToken(text)));
			});
		assertThat(inboxCount(contact(byEmail, "email"))).isEqualTo(1);
		// One event for the batch, not one per ask.
		assertThat(this.published).filteredOn(AsksSent.class::isInstance)
			.singleElement()
			.isEqualTo(new AsksSent(Set.of(callout)));
	}

	@Test
	void pollOnSchedule_takesTheTimeOnEveryRun() {
		// Spring subscribes to the one Mono again on every run.
		Mono<Void> scheduled = this.relay.pollOnSchedule();
		UUID callout = openCallout();
		enqueue(callout, new PlannedAsk(helpers().helper("goettingen-grone", "fahrdienst").insert(), Channel.EMAIL));

		scheduled.as(StepVerifier::create).expectComplete().verify(TIMEOUT);

		assertThat(rows(callout)).singleElement().extracting(AskRow::status).isEqualTo("SENT");
	}

	@Test
	void enqueue_inATransactionThatRollsBack_leavesNoAsk() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").insert();
		TransactionalOperator transaction = TransactionalOperator.create(this.transactions);

		this.outbox.enqueue(callout, List.of(new PlannedAsk(helper, Channel.EMAIL)))
			.then(Mono.error(new IllegalStateException("wave planning failed")))
			.as(transaction::transactional)
			.as(StepVerifier::create)
			.expectError(IllegalStateException.class)
			.verify(TIMEOUT);

		assertThat(rows(callout)).isEmpty();
	}

	@Test
	void enqueue_sameHelperTwice_keepsOneAsk() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").mobile().insert();

		enqueue(callout, new PlannedAsk(helper, Channel.EMAIL));
		enqueue(callout, new PlannedAsk(helper, Channel.SMS));

		assertThat(rows(callout)).singleElement().satisfies((row) -> assertThat(row.channel()).isEqualTo("EMAIL"));
	}

	@Test
	void poll_cancelledCallout_skipsItsAsks_andSendsNothing() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").insert();
		enqueue(callout, new PlannedAsk(helper, Channel.EMAIL));
		this.database.sql("update callout set status = 'CANCELLED', cancelled_at = now() where id = :id")
			.bind("id", callout)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		poll();

		assertThat(rows(callout)).singleElement().satisfies((row) -> {
			assertThat(row.status()).isEqualTo("SKIPPED");
			assertThat(row.providerId()).isNull();
		});
		assertThat(inboxCount(contact(helper, "email"))).isZero();
	}

	@Test
	void twoConcurrentPolls_sendEveryAskOnce() {
		UUID callout = openCallout();
		List<UUID> helpers = IntStream.range(0, 12)
			.mapToObj((i) -> helpers().helper("goettingen-grone", "fahrdienst").insert())
			.toList();
		this.outbox.enqueue(callout, helpers.stream().map((helper) -> new PlannedAsk(helper, Channel.EMAIL)).toList())
			.as(StepVerifier::create)
			.verifyComplete();

		Mono.zip(this.relay.poll(Instant.now()), this.relay.poll(Instant.now()))
			.as(StepVerifier::create)
			.assertNext((claimed) -> assertThat(claimed.getT1() + claimed.getT2()).isGreaterThanOrEqualTo(12))
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(rows(callout)).hasSize(12).allSatisfy((row) -> {
			assertThat(row.status()).isEqualTo("SENT");
			assertThat(row.attempts()).isEqualTo(1);
		});
		assertThat(helpers).allSatisfy((helper) -> assertThat(inboxCount(contact(helper, "email"))).isEqualTo(1));
	}

	@Test
	void poll_claimOlderThanTheLease_endsUnknown_andIsNotSentAgain() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").insert();
		enqueue(callout, new PlannedAsk(helper, Channel.EMAIL));
		this.database
			.sql("update ask set status = 'SENDING', attempts = 1, updated_at = now() - interval '1 day' "
					+ "where callout_id = :id")
			.bind("id", callout)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		poll();

		assertThat(rows(callout)).singleElement().satisfies((row) -> assertThat(row.status()).isEqualTo("UNKNOWN"));
		assertThat(inboxCount(contact(helper, "email"))).isZero();
	}

	@Test
	void deliveryReports_moveSentToDelivered_andNeverBack() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").withoutEmail().mobile().insert();
		enqueue(callout, new PlannedAsk(helper, Channel.SMS));
		poll();
		AskRow sent = rows(callout).get(0);
		assertThat(sent.status()).isEqualTo("SENT");

		report(sent, DeliveryStatus.DELIVERED);
		await().atMost(TIMEOUT).until(() -> "DELIVERED".equals(rows(callout).get(0).status()));
		// Late and repeated reports, each awaited, so none can overtake another.
		for (DeliveryStatus late : List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.UNDELIVERED,
				DeliveryStatus.DELIVERED)) {
			this.reports.on(reported(sent, late)).as(StepVerifier::create).expectComplete().verify(TIMEOUT);
		}

		assertThat(rows(callout)).singleElement().satisfies((row) -> assertThat(row.status()).isEqualTo("DELIVERED"));
		assertThat(this.published).filteredOn(AskDelivered.class::isInstance)
			.singleElement()
			.isEqualTo(new AskDelivered(callout, sent.id()));
	}

	@Test
	void undeliveredReport_movesSentToFailed() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").withoutEmail().mobile().insert();
		enqueue(callout, new PlannedAsk(helper, Channel.SMS));
		poll();
		AskRow sent = rows(callout).get(0);

		this.reports.on(reported(sent, DeliveryStatus.UNDELIVERED))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(rows(callout)).singleElement().satisfies((row) -> assertThat(row.status()).isEqualTo("FAILED"));
	}

	@Test
	void deliveryReport_resolvesUnknownAsk() {
		UUID callout = openCallout();
		UUID helper = helpers().helper("goettingen-grone", "fahrdienst").withoutEmail().mobile().insert();
		enqueue(callout, new PlannedAsk(helper, Channel.SMS));
		this.database.sql("update ask set status = 'UNKNOWN', attempts = 1 where callout_id = :id")
			.bind("id", callout)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		AskRow unknown = rows(callout).get(0);

		report(unknown, DeliveryStatus.SENT);

		await().atMost(TIMEOUT).until(() -> "SENT".equals(rows(callout).get(0).status()));
	}

	private void report(AskRow ask, DeliveryStatus status) {
		this.events.publishEvent(reported(ask, status));
	}

	private static DeliveryReported reported(AskRow ask, DeliveryStatus status) {
		return new DeliveryReported(ask.id().toString(), ask.providerId(), status,
				(status == DeliveryStatus.UNDELIVERED) ? "30008" : null,
				(status == DeliveryStatus.UNDELIVERED) ? DeliveryFailure.OTHER : null);
	}

	private UUID openCallout() {
		Tenant tenant = new Tenants(this.database).approved();
		return new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
	}

	private HelperRows helpers() {
		return new HelperRows(this.database);
	}

	private void enqueue(UUID callout, PlannedAsk... asks) {
		this.outbox.enqueue(callout, List.of(asks)).as(StepVerifier::create).expectComplete().verify(TIMEOUT);
	}

	// The link carries a fresh 22-character token; only its hash is stored.
	static String linkToken(String text) {
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as("a link with a token in " + text).isTrue();
		return link.group(1);
	}

	private byte[] tokenHash(UUID ask) {
		return this.database.sql("select token_hash from ask where id = :id")
			.bind("id", ask)
			.map((row) -> row.get(0, byte[].class))
			.one()
			.block(TIMEOUT);
	}

	private void poll() {
		this.relay.poll(Instant.now()).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	List<AskRow> rows(UUID callout) {
		return this.database.sql("""
				select id, helper_id, channel, status, attempts, provider_id, next_attempt_at
				from ask where callout_id = :callout order by created_at, id""")
			.bind("callout", callout)
			.map((row) -> new AskRow(row.get("id", UUID.class), row.get("helper_id", UUID.class),
					row.get("channel", String.class), row.get("status", String.class),
					row.get("attempts", Integer.class), row.get("provider_id", String.class),
					row.get("next_attempt_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private String contact(UUID helper, String column) {
		return this.database.sql("select " + column + " from helper where id = :id")
			.bind("id", helper)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private int inboxCount(String to) {
		List<?> entries = this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(to))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Object.class)
			.returnResult()
			.getResponseBody();
		return entries.size();
	}

	record AskRow(UUID id, UUID helperId, String channel, String status, int attempts, String providerId,
			Instant nextAttemptAt) {
	}

}
