package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.TwilioStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks by SMS through the Twilio stub, which can fail on demand.
 */
@IntegrationTest
class AskRelayThroughTwilioIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String PUBLIC_BASE_URL = "https://zeitspende.example.org";

	@DynamicPropertySource
	static void twilio(DynamicPropertyRegistry registry) {
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

	@BeforeEach
	void freshStubAndBreaker() {
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
	void poll_optedOutNumber_failsTheAskForGood() {
		UUID ask = enqueueSmsAsk();
		this.twilio.failNext(1, 400, 21610);

		poll(Instant.now());

		assertThat(row(ask).status()).isEqualTo("FAILED");
		assertThat(row(ask).lastError()).startsWith("OPTED_OUT").doesNotContain("+49");
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

	private UUID enqueueSmsAsk() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst")
			.withoutEmail()
			.mobile()
			.insert();
		this.outbox.enqueue(callout, List.of(new PlannedAsk(helper, Channel.SMS)))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		return this.database.sql("select id from ask where callout_id = :callout")
			.bind("callout", callout)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

	private void poll(Instant now) {
		this.relay.poll(now).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	private Row row(UUID ask) {
		return this.database
			.sql("select status, attempts, provider_id, last_error, next_attempt_at from ask where id = :id")
			.bind("id", ask)
			.map((row) -> new Row(row.get("status", String.class), row.get("attempts", Integer.class),
					row.get("provider_id", String.class), row.get("last_error", String.class),
					row.get("next_attempt_at", OffsetDateTime.class).toInstant()))
			.one()
			.block(TIMEOUT);
	}

	record Row(String status, int attempts, String providerId, String lastError, Instant nextAttemptAt) {
	}

}
