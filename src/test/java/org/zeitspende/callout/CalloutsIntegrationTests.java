package org.zeitspende.callout;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class CalloutsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Autowired
	CalloutExpiry expiry;

	@Autowired
	ConfigurableApplicationContext context;

	final List<CalloutCancelled> cancellations = new CopyOnWriteArrayList<>();

	final ApplicationListener<PayloadApplicationEvent<CalloutCancelled>> listener = ApplicationListener
		.forPayload(this.cancellations::add);

	final List<CalloutExpired> expirations = new CopyOnWriteArrayList<>();

	final ApplicationListener<PayloadApplicationEvent<CalloutExpired>> expiryListener = ApplicationListener
		.forPayload(this.expirations::add);

	Tenant tenant;

	String coordinator;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.coordinator = Tokens.of(this.environment)
			.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
		this.context.addApplicationListener(this.listener);
		this.context.addApplicationListener(this.expiryListener);
	}

	@AfterEach
	void tearDown() {
		this.context.removeApplicationListener(this.listener);
		this.context.removeApplicationListener(this.expiryListener);
	}

	@Test
	void create_storesAnOpenCalloutOfTheCallersOrganisation() {
		Map<String, Object> body = callout();
		body.put("languages", List.of("ar", "de", "ar"));
		body.put("skills", List.of("Erste Hilfe"));
		Instant start = (Instant) body.get("startsAt");

		String location = this.client.post()
			.uri("/api/callouts")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OPEN")
			.jsonPath("$.activity")
			.isEqualTo("fahrdienst")
			.jsonPath("$.place")
			.isEqualTo("goettingen-grone")
			.jsonPath("$.needed")
			.isEqualTo(3)
			.jsonPath("$.languages")
			.isEqualTo(List.of("ar", "de"))
			.jsonPath("$.skills")
			.isEqualTo(List.of("erste-hilfe"))
			.jsonPath("$.notifyWhenFilled")
			.isEqualTo(true)
			.jsonPath("$.shortCode")
			.value((code) -> assertThat((String) code).matches("[0-9]{4}"))
			.jsonPath("$.createdBy")
			.isEqualTo(this.tenant.coordinator().id().toString())
			.jsonPath("$.counts.open")
			.isEqualTo(3)
			.jsonPath("$.counts.confirmed")
			.isEqualTo(0)
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();

		get(location).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.startsAt")
			.isEqualTo(start.toString())
			.jsonPath("$.details")
			.isEqualTo("Fahrt zur Ausländerbehörde")
			.jsonPath("$.counts.asked")
			.isEqualTo(0);
	}

	@Test
	void create_withStartInThePastAndUnknownPlace_answersProblemNamingEachField() {
		Map<String, Object> body = callout();
		body.put("startsAt", Instant.now().minus(Duration.ofHours(1)));
		body.put("endsAt", Instant.now().minus(Duration.ofHours(2)));
		body.put("place", "atlantis");
		body.put("languages", List.of("xx"));

		post(body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-request")
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields).asInstanceOf(InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrder("place", "startsAt", "endsAt", "languages[0]"));
	}

	@Test
	void create_startingOrEndingMoreThanAYearAhead_answersProblem_andStoresNothing() {
		Map<String, Object> body = callout();
		Instant start = Instant.now().plus(Duration.ofDays(365));
		body.put("startsAt", start);
		body.put("endsAt", start.plus(Duration.ofHours(2)));
		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("startsAt", "endsAt"))
			.jsonPath("$.errors[0].reason")
			.isEqualTo("must be within a year from now");

		body.put("startsAt", Instant.now().plus(Duration.ofDays(1)));
		body.put("endsAt", start);
		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("endsAt"));
		list("").jsonPath("$.items").isEmpty();

		body.put("startsAt", Instant.now().plus(Duration.ofDays(363)));
		body.put("endsAt", Instant.now().plus(Duration.ofDays(363)).plus(Duration.ofHours(2)));
		post(body).expectStatus().isCreated();
	}

	@Test
	void create_withTooManyNeededAndOverlongDetails_answersProblemNamingEachField() {
		Map<String, Object> body = callout();
		body.put("needed", 501);
		body.put("details", "x".repeat(2001));
		body.remove("activity");

		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields).asInstanceOf(InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrder("activity", "details", "needed"));
	}

	@Test
	void create_withAValuePostgreSqlCannotStore_answers400_andStoresNothing() {
		Map<String, Object> nul = callout();
		nul.put("details", "Fahrt\u0000");
		Map<String, Object> farAway = callout();
		farAway.put("startsAt", "+999999999-01-01T10:00:00Z");
		farAway.put("endsAt", "+999999999-01-01T12:00:00Z");

		post(nul).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/unstorable-value")
			.jsonPath("$.detail")
			.isEqualTo("Text must not contain the NUL character (U+0000).");
		// Turned away before PostgreSQL sees it (EventsIntegrationTests has the date it
		// cannot store).
		post(farAway).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].reason")
			.isEqualTo("must be within a year from now");
		list("").jsonPath("$.items").isEmpty();
	}

	@Test
	void list_showsOnlyOwnCallouts_newestFirst_filteredAndPaged() {
		String first = id(post(callout()));
		String second = id(post(callout()));
		Map<String, Object> later = callout();
		later.put("startsAt", Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS));
		later.put("endsAt", Instant.now().plus(Duration.ofDays(20)).plus(Duration.ofHours(2)));
		String third = id(post(later));
		Tenant other = new Tenants(this.database).approved();
		String othersToken = Tokens.of(this.environment).coordinator(other.id());
		this.client.post()
			.uri("/api/callouts")
			.headers((headers) -> headers.setBearerAuth(othersToken))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(callout())
			.exchange()
			.expectStatus()
			.isCreated();

		list("").jsonPath("$.items[*].id")
			.isEqualTo(List.of(third, second, first))
			.jsonPath("$.hasMore")
			.isEqualTo(false);
		list("?limit=2").jsonPath("$.items[*].id")
			.isEqualTo(List.of(third, second))
			.jsonPath("$.hasMore")
			.isEqualTo(true);
		list("?limit=2&offset=2").jsonPath("$.items[*].id").isEqualTo(List.of(first));
		list("?from=" + Instant.now().plus(Duration.ofDays(10))).jsonPath("$.items[*].id").isEqualTo(List.of(third));
		list("?to=" + Instant.now().plus(Duration.ofDays(10))).jsonPath("$.items[*].id")
			.isEqualTo(List.of(second, first));
		cancel(second).expectStatus().isOk();
		list("?status=CANCELLED").jsonPath("$.items[*].id").isEqualTo(List.of(second));
		list("?status=OPEN").jsonPath("$.items[*].id").isEqualTo(List.of(third, first));
	}

	@Test
	void list_withLimitOutOfRange_answers400() {
		this.client.get()
			.uri("/api/callouts?limit=0")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void change_updatesTheTextsGiven_andKeepsTheOthers() {
		String id = id(post(callout()));

		this.client.patch()
			.uri("/api/callouts/" + id)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("meetingPoint", "Haupteingang", "contactHint", "Frau Yilmaz"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meetingPoint")
			.isEqualTo("Haupteingang")
			.jsonPath("$.contactHint")
			.isEqualTo("Frau Yilmaz")
			.jsonPath("$.details")
			.isEqualTo("Fahrt zur Ausländerbehörde");
	}

	@Test
	void change_ofACancelledCallout_answers409() {
		String id = id(post(callout()));
		cancel(id).expectStatus().isOk();

		this.client.patch()
			.uri("/api/callouts/" + id)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("details", "Doch nicht"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/callout-not-changeable");
	}

	@Test
	void change_afterTheStart_answers409() {
		UUID started = insertStartingAt(Instant.now().minus(Duration.ofMinutes(1)));

		this.client.patch()
			.uri("/api/callouts/" + started)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("details", "Zu spät"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("has started"));
	}

	@Test
	void cancel_ofAFilledCallout_announcesItWasFilled() {
		UUID filled = insertStartingAt(Instant.now().plus(Duration.ofDays(1)));
		this.database.sql("update callout set filled = needed, status = 'FILLED' where id = :id")
			.bind("id", filled)
			.then()
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);

		cancel(filled.toString()).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

		assertThat(this.cancellations).filteredOn((event) -> event.calloutId().equals(filled))
			.singleElement()
			.extracting(CalloutCancelled::previousStatus)
			.isEqualTo(CalloutStatus.FILLED);
	}

	@Test
	void cancel_isIdempotent_andAnnouncesTheCancellationOnce() {
		String id = id(post(callout()));

		cancel(id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED")
			.jsonPath("$.cancelledAt")
			.exists();
		cancel(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

		assertThat(this.cancellations).filteredOn((event) -> event.calloutId().equals(UUID.fromString(id)))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.organisationId()).isEqualTo(this.tenant.id());
				assertThat(event.previousStatus()).isEqualTo(CalloutStatus.OPEN);
			});
	}

	@Test
	void anotherOrganisationsCallout_isNotFound() {
		String id = id(post(callout()));
		Tenant other = new Tenants(this.database).approved();
		String othersToken = Tokens.of(this.environment).coordinator(other.id());

		this.client.get()
			.uri("/api/callouts/" + id)
			.headers((headers) -> headers.setBearerAuth(othersToken))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/callout-not-found");
		this.client.post()
			.uri("/api/callouts/" + id + "/cancel")
			.headers((headers) -> headers.setBearerAuth(othersToken))
			.exchange()
			.expectStatus()
			.isNotFound();
		get("/api/callouts/" + id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN");
	}

	@Test
	void expire_endsOpenCalloutsWhoseStartPassed_andLeavesTheRest() {
		UUID started = insertStartingAt(Instant.now().minus(Duration.ofMinutes(5)));
		UUID upcoming = insertStartingAt(Instant.now().plus(Duration.ofHours(1)));

		this.expiry.expire(Instant.now())
			.as(StepVerifier::create)
			.assertNext((expired) -> assertThat(expired).isPositive())
			.expectComplete()
			.verify(TIMEOUT);

		get("/api/callouts/" + started).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
		get("/api/callouts/" + upcoming).expectBody().jsonPath("$.status").isEqualTo("OPEN");
		assertThat(this.expirations).extracting(CalloutExpired::calloutId).contains(started).doesNotContain(upcoming);
		// An expired callout can neither be changed nor cancelled.
		cancel(started.toString()).expectStatus().isEqualTo(409);
	}

	@Test
	void get_countsAsksThatWentOut_deliveries_confirmations_andDeclines() {
		UUID id = insertStartingAt(Instant.now().plus(Duration.ofDays(1)));
		List<Asked> asked = new AskRows(this.database).asked(id, 4);
		setAskStatus(asked.get(0), "DELIVERED");
		// Not sent yet: not counted as asked.
		setAskStatus(asked.get(3), "PENDING");
		answer(asked.get(0), "accept");
		answer(asked.get(1), "decline");

		get("/api/callouts/" + id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.counts")
			.isEqualTo(Map.of("asked", 3, "delivered", 1, "confirmed", 1, "declined", 1, "open", 1));
	}

	@Test
	void expireOnSchedule_takesTheTimeOnEveryRun() {
		// Spring subscribes to the one Mono again on every run.
		Mono<Void> scheduled = this.expiry.expireOnSchedule();
		UUID startingSoon = insertStartingAt(Instant.now().plus(Duration.ofSeconds(1)));

		await().atMost(TIMEOUT).untilAsserted(() -> {
			scheduled.block(TIMEOUT);
			get("/api/callouts/" + startingSoon).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
		});
	}

	@Test
	void preview_countsMatchingHelpersByChannel_withPseudonymsOnly() {
		String skill = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		HelperRows helpers = new HelperRows(this.database);
		LocalTime berlinNow = LocalTime.now(ZoneId.of("Europe/Berlin")).truncatedTo(ChronoUnit.MINUTES);
		List<UUID> helperIds = new ArrayList<>();
		helperIds.add(helpers.helper("goettingen-grone", "fahrdienst").skills(skill).insert());
		helperIds.add(helpers.helper("goettingen-grone", "fahrdienst").skills(skill).mobile().prefers("SMS").insert());
		helperIds.add(helpers.helper("goettingen", "fahrdienst")
			.skills(skill)
			.quietHours(berlinNow.minusHours(1).toString(), berlinNow.plusHours(1).toString(), "Europe/Berlin")
			.insert());
		helperIds.add(helpers.helper("goettingen-grone", "fahrdienst").skills(skill).erased().insert());
		Map<String, Object> body = callout();
		body.put("skills", List.of(skill));
		body.put("needed", 1);
		String id = id(post(body));

		byte[] response = get("/api/callouts/" + id + "/preview").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.candidates")
			.isEqualTo(3)
			.jsonPath("$.bySms")
			.isEqualTo(1)
			.jsonPath("$.byEmail")
			.isEqualTo(2)
			.jsonPath("$.inQuietHoursNow")
			.isEqualTo(1)
			.jsonPath("$.openSlots")
			.isEqualTo(1)
			.jsonPath("$.firstWaveSize")
			.isEqualTo(3)
			.jsonPath("$.firstWave.length()")
			.isEqualTo(3)
			.returnResult()
			.getResponseBodyContent();

		String preview = new String(response, StandardCharsets.UTF_8);
		helperIds.forEach((helperId) -> assertThat(preview).doesNotContain(helperId.toString()));
		assertThat(preview).doesNotContain("@test.example.org").doesNotContain("+49");
	}

	private void setAskStatus(Asked helper, String status) {
		this.database.sql("update ask set status = :status where helper_id = :helper")
			.bind("status", status)
			.bind("helper", helper.helperId())
			.then()
			.block(TIMEOUT);
	}

	private void answer(Asked helper, String answer) {
		this.client.post().uri("/api/asks/{token}/{answer}", helper.token(), answer).exchange().expectStatus().isOk();
	}

	private UUID insertStartingAt(Instant start) {
		return new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(), start);
	}

	private Map<String, Object> callout() {
		Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = new HashMap<>();
		body.put("activity", "fahrdienst");
		body.put("place", "goettingen-grone");
		body.put("startsAt", start);
		body.put("endsAt", start.plus(Duration.ofHours(3)));
		body.put("needed", 3);
		body.put("details", "Fahrt zur Ausländerbehörde");
		body.put("meetingPoint", "Gemeinschaftsunterkunft, Eingang B");
		return body;
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/callouts")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).headers((headers) -> headers.setBearerAuth(this.coordinator)).exchange();
	}

	private WebTestClient.ResponseSpec cancel(String id) {
		return this.client.post()
			.uri("/api/callouts/" + id + "/cancel")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.exchange();
	}

	private WebTestClient.BodyContentSpec list(String query) {
		return get("/api/callouts" + query).expectStatus().isOk().expectBody();
	}

	private static String id(WebTestClient.ResponseSpec created) {
		return created.expectStatus()
			.isCreated()
			.expectBody(Callout.class)
			.returnResult()
			.getResponseBody()
			.id()
			.toString();
	}

}
