package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A late yes: {@code FULL} with similar open callouts, the standby list, and the offer of
 * a place that opens again, which the helper takes through the same gate.
 */
@IntegrationTest
class StandbyIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
	}

	@Test
	void full_listsAtMostThreeSimilarOpenCallouts_samePlaceFirst_thenNearestStart() {
		// Activity and places no other test uses, so that only these callouts compete.
		Instant start = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
		UUID full = callout("umzugshilfe", "walkenried", start, 1);
		List<Asked> late = new AskRows(this.database).asked(full, 2);
		post(late.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		Instant samePlaceLater = start.plus(Duration.ofHours(2));
		Instant samePlaceEarlier = start.minus(Duration.ofHours(4));
		Instant elsewhereNearest = start.plus(Duration.ofMinutes(30));
		callout("umzugshilfe", "walkenried", samePlaceLater, 2);
		callout("umzugshilfe", "walkenried", samePlaceEarlier, 2);
		callout("umzugshilfe", "bad-sachsa", elsewhereNearest, 2);
		callout("umzugshilfe", "bad-sachsa", start.plus(Duration.ofHours(3)), 2);
		// Each nearer than every expected one, each wrong for one reason.
		callout("handwerk", "walkenried", start.plus(Duration.ofMinutes(10)), 2);
		callout("umzugshilfe", "walkenried", Instant.now().minus(Duration.ofMinutes(10)), 2);
		update(callout("umzugshilfe", "walkenried", start.plus(Duration.ofMinutes(20)), 2),
				"filled = 2, status = 'FILLED'");
		update(callout("umzugshilfe", "walkenried", start.plus(Duration.ofMinutes(25)), 2), "filled = 2");
		update(callout("umzugshilfe", "walkenried", start.plus(Duration.ofMinutes(40)), 2),
				"status = 'CANCELLED', cancelled_at = now()");
		UUID declined = callout("umzugshilfe", "walkenried", start.plus(Duration.ofMinutes(50)), 2);
		this.database
			.sql("insert into confirmation (callout_id, helper_id, answer) values (:callout, :helper, 'DECLINED')")
			.bind("callout", declined)
			.bind("helper", late.get(1).helperId())
			.then()
			.block(TIMEOUT);

		AskView.Answered answered = post(late.get(1), "accept").expectStatus()
			.isOk()
			.returnResult(AskView.Answered.class)
			.getResponseBody()
			.blockFirst(TIMEOUT);

		assertThat(answered.outcome()).isEqualTo(Outcome.FULL);
		assertThat(answered.alternatives()).extracting(Alternative::startsAt)
			.containsExactly(samePlaceLater, samePlaceEarlier, elsewhereNearest);
		assertThat(answered.alternatives()).extracting(Alternative::place)
			.containsExactly("walkenried", "walkenried", "bad-sachsa");
		assertThat(answered.alternatives()).allSatisfy((alternative) -> {
			assertThat(alternative.activity()).isEqualTo("umzugshilfe");
			assertThat(alternative.open()).isEqualTo(2);
		});
		this.client.post()
			.uri("/c/{token}", late.get(1).token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("answer", "yes"))
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html)
				.contains("Schon vollständig", "Hier wird noch Hilfe gesucht", "Walkenried", "Bad Sachsa",
						"Auf die Warteliste")
				.doesNotContain("/c/"))
			// The page's frame links home; the list of alternatives links nowhere.
			.value((html) -> assertThat(html.substring(html.indexOf("Hier wird noch Hilfe gesucht"))).contains("</ul>")
				.satisfies((alternatives) -> assertThat(alternatives.substring(0, alternatives.indexOf("</ul>")))
					.doesNotContain("href")));
	}

	@Test
	void otherOutcomes_carryNoAlternatives() {
		UUID callout = callout("fahrdienst", "goettingen-grone", Instant.now().plus(Duration.ofDays(1)), 1);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);

		post(helper, "accept").expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("CONFIRMED")
			.jsonPath("$.alternatives.length()")
			.isEqualTo(0);
	}

	@Test
	void standby_isIdempotent_andGetAndHeadChangeNothing() {
		UUID callout = filledCallout(1);
		Asked late = new AskRows(this.database).asked(callout, 1).get(0);
		post(late, "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");

		this.client.head().uri("/c/{token}", late.token()).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/c/{token}", late.token())
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Auf die Warteliste"));
		this.client.get()
			.uri("/api/asks/{token}", late.token())
			.exchange()
			.expectBody()
			.jsonPath("$.standby")
			.isEqualTo(false);
		assertThat(standbyRows(callout)).isZero();

		List<String> outcomes = Flux.range(0, 5)
			.flatMap((i) -> this.client.post()
				.uri("/api/asks/{token}/standby", late.token())
				.exchange()
				.returnResult(AskView.Answered.class)
				.getResponseBody())
			.map((answered) -> answered.outcome().name())
			.collectList()
			.block(TIMEOUT);

		assertThat(outcomes).hasSize(5).containsOnly("STANDBY");
		assertThat(standbyRows(callout)).isOne();
		this.client.get()
			.uri("/api/asks/{token}", late.token())
			.exchange()
			.expectBody()
			.jsonPath("$.standby")
			.isEqualTo(true)
			.jsonPath("$.answer")
			.doesNotExist();
		this.client.post()
			.uri("/c/{token}", late.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("answer", "standby"))
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Sie stehen auf der Warteliste", "von der Warteliste nehmen"));
		assertThat(standbyRows(callout)).isOne();
		assertThat(answers(callout)).isOne();
	}

	@Test
	void standby_onACancelledCallout_answersClosed() {
		UUID callout = callout("fahrdienst", "goettingen-grone", Instant.now().plus(Duration.ofDays(1)), 1);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);
		update(callout, "status = 'CANCELLED', cancelled_at = now()");

		post(helper, "standby").expectBody().jsonPath("$.outcome").isEqualTo("CLOSED");

		assertThat(standbyRows(callout)).isZero();
	}

	@Test
	void withdrawal_offersThePlaceToTheFirstHelperWhoCanBeTold_once_whoConfirmsThroughTheGate() {
		UUID callout = callout("fahrdienst", "goettingen-grone", Instant.now().plus(Duration.ofDays(1)), 1);
		UUID confirmedHelper = helpers().insert();
		UUID withoutConsent = helpers().emailConsentWithdrawn().insert();
		UUID first = helpers().insert();
		UUID second = helpers().insert();
		AskRows asks = new AskRows(this.database);
		String confirmed = asks.ask(callout, confirmedHelper, "EMAIL");
		List<String> waiting = List.of(asks.ask(callout, withoutConsent, "EMAIL"), asks.ask(callout, first, "EMAIL"),
				asks.ask(callout, second, "EMAIL"));
		post(confirmed, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		for (String token : waiting) {
			post(token, "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");
			post(token, "standby").expectBody().jsonPath("$.outcome").isEqualTo("STANDBY");
		}

		post(confirmed, "withdraw").expectBody().jsonPath("$.outcome").isEqualTo("WITHDRAWN");

		await().atMost(TIMEOUT).until(() -> slotFreeRecipients(callout).size() == 1);
		assertThat(slotFreeRecipients(callout)).containsExactly(first);
		assertThat(standbyRows(callout)).as("the helper without consent left the list").isEqualTo(2);
		post(waiting.get(1), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		post(waiting.get(2), "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");
		assertThat(filled(callout)).isEqualTo(confirmedRows(callout)).isOne();
		assertThat(slotFreeRecipients(callout)).containsExactly(first);
	}

	@Test
	void withdrawalsAndStandbyConfirmationsAtOnce_keepFilledEqualToConfirmedRows_withinTheSlots() {
		int needed = 5;
		UUID callout = callout("fahrdienst", "goettingen-grone", Instant.now().plus(Duration.ofDays(1)), needed);
		List<String> confirmed = tokens(callout, needed);
		List<String> late = tokens(callout, 12);
		confirmed.forEach((token) -> post(token, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED"));
		late.forEach((token) -> post(token, "standby").expectBody().jsonPath("$.outcome").isEqualTo("STANDBY"));

		// Three withdrawals, each sent twice, while everyone on the list says yes twice.
		Flux<String> withdrawals = Flux.fromIterable(confirmed.subList(0, 3))
			.concatMap((token) -> Flux.just(token, token))
			.map((token) -> "withdraw " + token);
		Flux<String> yeses = Flux.fromIterable(late)
			.concatMap((token) -> Flux.just(token, token))
			.map((token) -> "accept " + token);
		List<String> outcomes = Flux.merge(withdrawals, yeses).flatMap((request) -> {
			String[] parts = request.split(" ");
			return this.client.post()
				.uri("/api/asks/{token}/{answer}", parts[1], parts[0])
				.exchange()
				.returnResult(AskView.Answered.class)
				.getResponseBody();
		}, 64).map((answered) -> answered.outcome().name()).collectList().block(TIMEOUT);

		assertThat(outcomes).hasSize(30).doesNotContain("INVALID");
		late.forEach((token) -> post(token, "accept").expectStatus().isOk());
		assertThat(filled(callout)).isEqualTo(confirmedRows(callout)).isLessThanOrEqualTo(needed);
		assertThat(confirmedRows(callout)).isEqualTo(needed);
		// A place opened again is offered only while it is free: a yes said at the same
		// moment may take it first. Never more offers than withdrawals, nor two to one
		// helper.
		assertThat(slotFreeRecipients(callout)).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
	}

	private HelperRows.Builder helpers() {
		return new HelperRows(this.database).helper("goettingen-grone", "fahrdienst");
	}

	// Helpers who can be told by email, each asked with a link.
	private List<String> tokens(UUID callout, int count) {
		AskRows asks = new AskRows(this.database);
		return Flux.range(0, count).map((i) -> asks.ask(callout, helpers().insert(), "EMAIL")).collectList().block();
	}

	private UUID filledCallout(int needed) {
		UUID callout = callout("fahrdienst", "goettingen-grone", Instant.now().plus(Duration.ofDays(1)), needed);
		new AskRows(this.database).asked(callout, needed)
			.forEach((helper) -> post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED"));
		return callout;
	}

	private UUID callout(String activity, String place, Instant start, int needed) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(), activity, place,
				start, needed);
	}

	private void update(UUID callout, String change) {
		this.database.sql("update callout set " + change + " where id = :id").bind("id", callout).then().block(TIMEOUT);
	}

	private WebTestClient.ResponseSpec post(Asked helper, String answer) {
		return post(helper.token(), answer);
	}

	private WebTestClient.ResponseSpec post(String token, String answer) {
		return this.client.post().uri("/api/asks/{token}/{answer}", token, answer).exchange();
	}

	private List<UUID> slotFreeRecipients(UUID callout) {
		return this.database
			.sql("select recipient_id from notice where callout_id = :id and kind = 'SLOT_FREE' order by created_at")
			.bind("id", callout)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private long standbyRows(UUID callout) {
		return count("select count(*) from standby where callout_id = :id", callout);
	}

	private long answers(UUID callout) {
		return count("select count(*) from confirmation where callout_id = :id", callout);
	}

	private long confirmedRows(UUID callout) {
		return count("select count(*) from confirmation where callout_id = :id and answer = 'CONFIRMED'", callout);
	}

	private long filled(UUID callout) {
		return count("select filled::bigint from callout where id = :id", callout);
	}

	private long count(String sql, UUID callout) {
		return this.database.sql(sql).bind("id", callout).map((row) -> row.get(0, Long.class)).one().block(TIMEOUT);
	}

}
