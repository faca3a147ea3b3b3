package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.MediaType;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.zeitspende.callout.CalloutFilled;
import org.zeitspende.callout.CalloutReopened;
import org.zeitspende.callout.HelperConfirmed;
import org.zeitspende.callout.HelperDeclined;
import org.zeitspende.callout.HelperWithdrew;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.ConfirmationInvariants;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One state machine for the JSON API and the page: the first answer stands, a withdrawal
 * opens the slot once, and a token that leads nowhere gets one generic 404.
 */
@IntegrationTest
class AskAnswersIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	ApplicationEventMulticaster multicaster;

	@Autowired
	SlotGate gate;

	@Autowired
	ReactiveStringRedisTemplate redis;

	final List<Object> events = new CopyOnWriteArrayList<>();

	final ApplicationListener<ApplicationEvent> listener = (event) -> {
		if (event instanceof PayloadApplicationEvent<?> payload) {
			this.events.add(payload.getPayload());
		}
	};

	Tenant tenant;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.multicaster.addApplicationListener(this.listener);
	}

	@AfterEach
	void tearDown() {
		this.multicaster.removeApplicationListener(this.listener);
	}

	@Test
	void get_showsTheAsk_withoutMeetingPoint_andChangesNothing() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/api/asks/{token}", helper.token())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.open")
				.isEqualTo(2)
				.jsonPath("$.activity")
				.isEqualTo("fahrdienst")
				.jsonPath("$.answer")
				.doesNotExist()
				.jsonPath("$.meetingPoint")
				.doesNotExist();
		}
		assertThat(filled(callout)).isZero();
		assertThat(answers(callout)).isZero();
	}

	@Test
	void accept_confirms_showsMeetingPoint_andRepeatsAnswerTheSame() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		for (int i = 0; i < 2; i++) {
			post(helper, "accept").expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.outcome")
				.isEqualTo("CONFIRMED")
				.jsonPath("$.ask.open")
				.isEqualTo(1)
				.jsonPath("$.ask.meetingPoint")
				.isEqualTo("Eingang B");
		}
		post(helper, "decline").expectBody().jsonPath("$.outcome").isEqualTo("ALREADY_CONFIRMED");
		assertThat(filled(callout)).isEqualTo(1);
	}

	@Test
	void decline_thenAccept_keepsTheNo() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		post(helper, "decline").expectBody().jsonPath("$.outcome").isEqualTo("DECLINED");
		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("DECLINED");
		post(helper, "decline").expectBody().jsonPath("$.outcome").isEqualTo("DECLINED");

		assertThat(filled(callout)).isZero();
		assertThat(this.events).filteredOn(HelperDeclined.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((HelperDeclined) event).helperId()).isEqualTo(helper.helperId()));
	}

	@Test
	void lastSlot_fillsTheCallout_publishesOnce_andLateClicksSeeFull() {
		UUID callout = callout(1, Duration.ofDays(1));
		List<Asked> helpers = new AskRows(this.database).asked(callout, 2);

		post(helpers.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		post(helpers.get(1), "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");

		assertThat(status(callout)).isEqualTo("FILLED");
		assertThat(this.events)
			.filteredOn((event) -> event instanceof HelperConfirmed || event instanceof CalloutFilled)
			.extracting(Object::getClass)
			.containsExactly(HelperConfirmed.class, CalloutFilled.class);
		assertThat(this.events).filteredOn(CalloutFilled.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((CalloutFilled) event).calloutId()).isEqualTo(callout));
	}

	// A yes goes to the gate only when the read it begins with finds the callout open
	// (Acceptances). These three cover a slot opened again by a withdrawal on another
	// instance, the moment the gate has the last slot taken while PostgreSQL has it
	// open, and a callout PostgreSQL has filled, which the gate never hears of.
	@Test
	void accept_afterAWithdrawalOnAnotherInstance_confirmsThroughTheGate() {
		UUID callout = callout(1, Duration.ofDays(1));
		List<Asked> helpers = new AskRows(this.database).asked(callout, 3);
		post(helpers.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");

		// A withdrawal on another instance: PostgreSQL first, then the gate.
		withdrawnElsewhere(callout, helpers.get(0).helperId());
		assertThat(this.gate.release(callout, helpers.get(0).helperId()).block(TIMEOUT)).isTrue();

		post(helpers.get(2), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		post(helpers.get(2), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		post(helpers.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("WITHDRAWN");
		post(helpers.get(1), "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");
		assertThat(filled(callout)).isOne();
		assertThat(status(callout)).isEqualTo("FILLED");
		new ConfirmationInvariants(this.database, this.redis).assertRedisHoldsTheConfirmed(callout);
	}

	@Test
	void accept_whileTheGateHasTheLastSlotTakenAndPostgresHasItOpen_answersFullAndStoresNothing() {
		UUID callout = callout(1, Duration.ofDays(1));
		List<Asked> helpers = new AskRows(this.database).asked(callout, 2);
		post(helpers.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");

		// The moment between the gate's last reservation and its commit: PostgreSQL has
		// the slot open, the gate has it taken.
		withdrawnElsewhere(callout, helpers.get(0).helperId());

		post(helpers.get(1), "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");
		assertThat(filled(callout)).isZero();
		assertThat(answers(callout)).isOne();
		assertThat(this.redis.opsForSet().members(SlotKeys.of(callout).get(1)).collectList().block(TIMEOUT))
			.containsExactly(helpers.get(0).helperId().toString());
		assertThat(this.redis.opsForValue().get(SlotKeys.of(callout).get(0)).block(TIMEOUT)).isEqualTo("0");
	}

	@Test
	void accept_onACalloutPostgresHasFilled_answersWithoutTheGate() {
		UUID callout = callout(1, Duration.ofDays(1));
		List<Asked> helpers = new AskRows(this.database).asked(callout, 2);
		post(helpers.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		// Asked without its keys, the gate would have them rebuilt from PostgreSQL.
		this.redis.delete(SlotKeys.of(callout).toArray(String[]::new)).block(TIMEOUT);

		post(helpers.get(1), "accept").expectBody().jsonPath("$.outcome").isEqualTo("FULL");
		post(helpers.get(0), "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		assertThat(SlotKeys.of(callout))
			.allSatisfy((key) -> assertThat(this.redis.hasKey(key).block(TIMEOUT)).as("Redis key %s", key).isFalse());
	}

	@Test
	void withdraw_opensTheSlotOnce_evenWhenSentThreeTimesAtOnce() {
		UUID callout = callout(1, Duration.ofDays(1));
		Asked helper = asked(callout);
		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");

		List<String> outcomes = Flux.range(0, 3)
			.flatMap((i) -> this.client.post()
				.uri("/api/asks/{token}/withdraw", helper.token())
				.exchange()
				.returnResult(AskView.Answered.class)
				.getResponseBody())
			.map((answered) -> answered.outcome().name())
			.collectList()
			.block(TIMEOUT);

		assertThat(outcomes).containsOnly("WITHDRAWN");
		assertThat(filled(callout)).isZero();
		assertThat(status(callout)).isEqualTo("OPEN");
		assertThat(this.events).filteredOn(HelperWithdrew.class::isInstance).hasSize(1);
		// It was filled: the withdrawal opens it again.
		assertThat(this.events).filteredOn(CalloutReopened.class::isInstance).hasSize(1);
		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("WITHDRAWN");
	}

	@Test
	void withdraw_closerToTheStartThanAllowed_answersClosed() {
		UUID callout = callout(2, Duration.ofHours(1));
		Asked helper = asked(callout);
		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");

		post(helper, "withdraw").expectBody().jsonPath("$.outcome").isEqualTo("CLOSED");

		assertThat(filled(callout)).isEqualTo(1);
	}

	@Test
	void accept_onACancelledCallout_answersClosed() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);
		cancelled(callout);

		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CLOSED");

		assertThat(answers(callout)).isZero();
	}

	@Test
	void unknownToken_answersOneGenericNotFound() {
		for (String token : List.of(AskRows.token(), "short")) {
			this.client.post()
				.uri("/api/asks/{token}/accept", token)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://zeitspende.org/problems/ask-not-found")
				.jsonPath("$.detail")
				.isEqualTo("This link is unknown or no longer valid.");
		}
	}

	@Test
	void page_getAndHead_showButtons_withStrictHeaders_andChangeNothing() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		this.client.head().uri("/c/{token}", helper.token()).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/c/{token}", helper.token())
			.header("User-Agent", "Slackbot-LinkExpanding 1.0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.value("Cache-Control", (value) -> assertThat(value).contains("no-store"))
			.expectHeader()
			.value("Content-Security-Policy", (value) -> assertThat(value).startsWith("default-src 'none'"))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Ja, ich komme", "Nein, diesmal nicht", "lang=\"de\"")
				.doesNotContain("Eingang B", "<script"));

		assertThat(answers(callout)).isZero();
	}

	@Test
	void page_ofACancelledCallout_tellsAConfirmedHelperNotToCome() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);
		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
		cancelled(callout);

		assertThat(page(helper)).contains("Abgesagt", "Sie werden dafür nicht gebraucht")
			.doesNotContain("Sie sind dabei", "Eingang B", "Zusage zurückziehen", "<form");
	}

	@Test
	void page_closerToTheStartThanWithdrawalsAllow_offersNoWithdrawal_butTheContact() {
		UUID callout = callout(2, Duration.ofHours(1));
		Asked helper = asked(callout);
		post(helper, "accept").expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");

		assertThat(page(helper))
			.contains("Danke, Sie sind dabei!", "Eingang B", "Zurückziehen geht über diesen Link nicht mehr",
					"Ansprechperson vor Ort Bescheid")
			.doesNotContain("<form");
	}

	// Called off behind the service's back: these tests are about the answers only.
	private void cancelled(UUID callout) {
		this.database.sql("update callout set status = 'CANCELLED', cancelled_at = now() where id = :id")
			.bind("id", callout)
			.then()
			.block(TIMEOUT);
	}

	private String page(Asked helper) {
		return page(helper.token());
	}

	private String page(String token) {
		return this.client.get()
			.uri("/c/{token}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	// English for a helper who reads English, German for everyone else, each with its
	// own way of writing the day.
	@Test
	void page_forAHelperWhoReadsEnglish_isEnglish_withAnEnglishDay() {
		assertThat(pageFor("en")).contains("lang=\"en\"", "Yes, I&#39;ll come")
			.containsPattern("(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");
	}

	@Test
	void page_forAHelperWhoReadsAnotherLanguage_isGerman_withAGermanDay() {
		assertThat(pageFor("tr")).contains("lang=\"de\"", "Ja, ich komme")
			.containsPattern("(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \\d{1,2}\\. "
					+ "(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}");
	}

	private String pageFor(String helpersLanguage) {
		UUID callout = callout(2, Duration.ofDays(1));
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst")
			.messageLanguage(helpersLanguage)
			.insert();
		return page(new AskRows(this.database).ask(callout, helper, "EMAIL"));
	}

	@Test
	void page_postYes_confirms_andShowsTheMeetingPoint() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		postPage(helper, "yes").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Danke, Sie sind dabei!", "Eingang B", "Zusage zurückziehen"));

		assertThat(filled(callout)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "YES", "ja", "maybe", "" })
	void page_postOfAnAnswerItsButtonsDoNotSend_storesNothing_andSaysSo(String answer) {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		postPage(helper, answer).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Antwort nicht verstanden", "Gespeichert wurde nichts."));

		assertThat(answers(callout)).isZero();
		post(helper, "accept").expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("CONFIRMED");
	}

	@Test
	void page_postWithoutAnAnswer_storesNothing() {
		UUID callout = callout(2, Duration.ofDays(1));
		Asked helper = asked(callout);

		postPage(helper, null).expectStatus().isBadRequest();

		assertThat(answers(callout)).isZero();
	}

	@Test
	void page_unknownToken_answersAGenericNotFoundPage() {
		this.client.get()
			.uri("/c/{token}", AskRows.token())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Link ungültig"));
	}

	// The page's form; no answer field at all when null.
	private void withdrawnElsewhere(UUID callout, UUID helper) {
		this.database.sql("""
				update confirmation set answer = 'WITHDRAWN', withdrawn_at = now()
				where callout_id = :callout and helper_id = :helper""")
			.bind("callout", callout)
			.bind("helper", helper)
			.then()
			.then(this.database.sql("update callout set filled = 0, status = 'OPEN' where id = :id")
				.bind("id", callout)
				.then())
			.block(TIMEOUT);
	}

	private WebTestClient.ResponseSpec postPage(Asked helper, String answer) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		if (answer != null) {
			form.add("answer", answer);
		}
		return this.client.post()
			.uri("/c/{token}", helper.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private WebTestClient.ResponseSpec post(Asked helper, String answer) {
		return this.client.post().uri("/api/asks/{token}/{answer}", helper.token(), answer).exchange();
	}

	private UUID callout(int needed, Duration startsIn) {
		UUID id = new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(startsIn), needed);
		this.database.sql("update callout set meeting_point = 'Eingang B' where id = :id")
			.bind("id", id)
			.then()
			.block(TIMEOUT);
		return id;
	}

	private Asked asked(UUID callout) {
		return new AskRows(this.database).asked(callout, 1).get(0);
	}

	private int filled(UUID callout) {
		return this.database.sql("select filled from callout where id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, Integer.class))
			.one()
			.block(TIMEOUT);
	}

	private String status(UUID callout) {
		return this.database.sql("select status from callout where id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private long answers(UUID callout) {
		return this.database.sql("select count(*) from confirmation where callout_id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

}
