package org.zeitspende.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.ask.AsksSent;
import org.zeitspende.security.Role;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream of a callout: a snapshot first, then each change with fresh counts,
 * whichever replica made it, to members of the callout's organisation only.
 */
@IntegrationTest
class LiveEventsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	ApplicationEventPublisher events;

	Tenant tenant;

	String coordinator;

	Disposable stream;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.coordinator = Tokens.of(this.environment)
			.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
	}

	@AfterEach
	void tearDown() {
		if (this.stream != null) {
			this.stream.dispose();
		}
	}

	@Test
	void stream_startsWithASnapshot_thenConfirmedAndDeclinedWithFreshCounts() {
		UUID callout = callout(3);
		List<Asked> helpers = new AskRows(this.database).asked(callout, 2);
		Flux<ServerSentEvent<Map<String, Object>>> events = follow(callout);

		next(events, 0).as(StepVerifier::create).assertNext((snapshot) -> {
			assertThat(snapshot.event()).isEqualTo("snapshot");
			assertThat(snapshot.id()).isEqualTo("0");
			assertThat(snapshot.retry()).isEqualTo(Duration.ofSeconds(3));
			assertThat(snapshot.data()).containsEntry("kind", "snapshot").containsEntry("status", "OPEN");
			assertThat(counts(snapshot)).isEqualTo(counts(2, 0, 0, 0, 3));
		}).verifyComplete();

		answer(helpers.get(0), "accept");
		next(events, 1).as(StepVerifier::create).assertNext((confirmed) -> {
			assertThat(confirmed.event()).isEqualTo("confirmed");
			assertThat(confirmed.id()).isEqualTo("1");
			assertThat(counts(confirmed)).isEqualTo(counts(2, 0, 1, 0, 2));
		}).verifyComplete();

		answer(helpers.get(1), "decline");
		next(events, 2).as(StepVerifier::create).assertNext((declined) -> {
			assertThat(declined.event()).isEqualTo("declined");
			assertThat(counts(declined)).isEqualTo(counts(2, 0, 1, 1, 2));
		}).verifyComplete();
	}

	@Test
	void lastSlot_sendsConfirmedAndFilled_andAWithdrawalReopens() {
		UUID callout = callout(1);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);
		Flux<ServerSentEvent<Map<String, Object>>> events = follow(callout);
		next(events, 0).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		answer(helper, "accept");
		events.skip(1)
			.take(2)
			.map(LiveEventsIntegrationTests::kindAndStatus)
			.as(StepVerifier::create)
			.expectNext("confirmed FILLED")
			.expectNext("filled FILLED")
			.verifyComplete();

		answer(helper, "withdraw");
		events.skip(3)
			.take(2)
			.map(LiveEventsIntegrationTests::kindAndStatus)
			.as(StepVerifier::create)
			.expectNext("withdrawn OPEN")
			.expectNext("reopened OPEN")
			.verifyComplete();
	}

	@Test
	void cancel_sendsCancelled_andEndsTheStream() {
		UUID callout = callout(2);
		Flux<ServerSentEvent<Map<String, Object>>> events = follow(callout);
		next(events, 0).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		this.client.post()
			.uri("/api/callouts/{id}/cancel", callout)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isOk();

		events.skip(1)
			.map(LiveEventsIntegrationTests::kindAndStatus)
			.as(StepVerifier::create)
			.expectNext("cancelled CANCELLED")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void changeOnAnotherReplica_reachesTheStreamThroughRedis() {
		UUID callout = callout(2);
		new AskRows(this.database).asked(callout, 1);
		Flux<ServerSentEvent<Map<String, Object>>> events = follow(callout);
		next(events, 0).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		// Another replica recorded a delivery report and published it on the channel.
		this.database.sql("update ask set status = 'DELIVERED' where callout_id = :callout")
			.bind("callout", callout)
			.then()
			.block(TIMEOUT);
		this.redis.convertAndSend("co:{" + callout + "}:events", "delivered").block(TIMEOUT);

		next(events, 1).as(StepVerifier::create).assertNext((delivered) -> {
			assertThat(delivered.event()).isEqualTo("delivered");
			assertThat(counts(delivered)).isEqualTo(counts(1, 1, 0, 0, 2));
		}).verifyComplete();
	}

	@Test
	void sentBatch_sendsAsked() {
		UUID callout = callout(2);
		Flux<ServerSentEvent<Map<String, Object>>> events = follow(callout);
		next(events, 0).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		this.events.publishEvent(new AsksSent(Set.of(callout, UUID.randomUUID())));

		next(events, 1).map(LiveEventsIntegrationTests::kindAndStatus)
			.as(StepVerifier::create)
			.expectNext("asked OPEN")
			.verifyComplete();
	}

	@Test
	void expiredCallout_endsTheStream() {
		UUID callout = callout(2);
		Flux<ServerSentEvent<Map<String, Object>>> events = follow(callout);
		next(events, 0).as(StepVerifier::create).expectNextCount(1).verifyComplete();

		this.database.sql("update callout set status = 'EXPIRED' where id = :id")
			.bind("id", callout)
			.then()
			.block(TIMEOUT);
		this.redis.convertAndSend("co:{" + callout + "}:events", "expired").block(TIMEOUT);

		events.skip(1)
			.map(LiveEventsIntegrationTests::kindAndStatus)
			.as(StepVerifier::create)
			.expectNext("expired EXPIRED")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void cancelledCallout_sendsTheSnapshotOnly() {
		UUID callout = callout(2);
		this.database.sql("update callout set status = 'CANCELLED', cancelled_at = now() where id = :id")
			.bind("id", callout)
			.then()
			.block(TIMEOUT);

		follow(callout).map(LiveEventsIntegrationTests::kindAndStatus)
			.as(StepVerifier::create)
			.expectNext("snapshot CANCELLED")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void anotherOrganisationsCallout_answersAsGetDoes() {
		UUID callout = callout(2);
		String others = Tokens.of(this.environment).coordinator(new Tenants(this.database).approved().id());

		for (String path : List.of("/api/callouts/{id}", "/api/callouts/{id}/events")) {
			this.client.get()
				.uri(path, callout)
				.headers((headers) -> headers.setBearerAuth(others))
				.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://zeitspende.org/problems/callout-not-found");
		}
	}

	@Test
	void unknownCallout_answersNotFound_andWithoutTokenUnauthorized() {
		this.client.get()
			.uri("/api/callouts/{id}/events", UUID.randomUUID())
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/callouts/{id}/events", callout(2))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void openApiDocument_describesTheStream() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/callouts/{id}/events'].get.responses['200'].content['text/event-stream']")
			.exists();
	}

	// Events as they come, kept so that each step of a test reads them from the start;
	// heartbeat comments left out.
	private Flux<ServerSentEvent<Map<String, Object>>> follow(UUID callout) {
		ConnectableFlux<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/callouts/{id}/events", callout)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Accel-Buffering", "no")
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.event() != null)
			.replay();
		this.stream = events.connect();
		return events.timeout(TIMEOUT);
	}

	private static Flux<ServerSentEvent<Map<String, Object>>> next(Flux<ServerSentEvent<Map<String, Object>>> events,
			int index) {
		return events.skip(index).take(1);
	}

	private void answer(Asked helper, String answer) {
		this.client.post().uri("/api/asks/{token}/{answer}", helper.token(), answer).exchange().expectStatus().isOk();
	}

	private UUID callout(int needed) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), needed);
	}

	private static String kindAndStatus(ServerSentEvent<Map<String, Object>> event) {
		return event.event() + " " + event.data().get("status");
	}

	private static Object counts(ServerSentEvent<Map<String, Object>> event) {
		return event.data().get("counts");
	}

	private static Map<String, Integer> counts(int asked, int delivered, int confirmed, int declined, int open) {
		return Map.of("asked", asked, "delivered", delivered, "confirmed", confirmed, "declined", declined, "open",
				open);
	}

}
