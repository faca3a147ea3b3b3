package org.zeitspende.event;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.Created;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	Tokens tokens;

	Tenant tenant;

	String coordinator;

	@BeforeEach
	void setUp() {
		this.tokens = Tokens.of(this.environment);
		this.tenant = new Tenants(this.database).approved();
		this.coordinator = this.tokens.member(this.tenant.coordinator().id(), this.tenant.id(), Role.COORDINATOR);
	}

	@Test
	void registrations_underConcurrency_neverExceedTheCapacity() {
		UUID event = create(event("Sommerfest", 5));
		HelperRows helpers = new HelperRows(this.database);
		List<String> tokens = IntStream.range(0, 40)
			.mapToObj((i) -> this.tokens.helper(helpers.helper("goettingen-grone", "begegnungscafe").insert()))
			.toList();
		WebClient http = WebClient.create("http://localhost:" + this.port);

		List<Integer> statuses = Flux.fromIterable(tokens)
			.flatMap(
					(token) -> http.put()
						.uri("/api/me/events/" + event + "/registration")
						.headers((headers) -> headers.setBearerAuth(token))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					40)
			.collectList()
			.block(TIMEOUT);

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(5);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(35);
		assertThat(registeredInDatabase(event)).isEqualTo(5);
		assertThat(registrationRows(event)).isEqualTo(5);
	}

	@Test
	void register_twiceCountsOnce_andUnregisteringFreesThePlace() {
		UUID event = create(event("Sommerfest", 1));
		HelperRows helpers = new HelperRows(this.database);
		String first = this.tokens.helper(helpers.helper("goettingen-grone", "begegnungscafe").insert());
		String second = this.tokens.helper(helpers.helper("goettingen-grone", "begegnungscafe").insert());
		String path = "/api/me/events/" + event + "/registration";

		register(path, first).expectStatus().isOk().expectBody().jsonPath("$.registered").isEqualTo(1);
		register(path, first).expectStatus().isOk().expectBody().jsonPath("$.registered").isEqualTo(1);
		register(path, second).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/event-full");
		this.client.delete()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(first))
			.exchange()
			.expectStatus()
			.isNoContent();
		register(path, second).expectStatus().isOk().expectBody().jsonPath("$.registered").isEqualTo(1);
		assertThat(registrationRows(event)).isEqualTo(1);
	}

	@Test
	void register_forAnEventWithoutCapacityOrAfterCancelling_isRefused() {
		UUID open = create(event("Offenes Café", null));
		UUID cancelled = create(event("Sommerfest", 10));
		post("/api/events/" + cancelled + "/cancel").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
		String helper = this.tokens
			.helper(new HelperRows(this.database).helper("goettingen-grone", "begegnungscafe").insert());

		for (UUID event : List.of(open, cancelled)) {
			register("/api/me/events/" + event + "/registration", helper).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://zeitspende.org/problems/event-registration-closed");
		}
		register("/api/me/events/" + open + "/registration", this.tokens.helper(UUID.randomUUID())).expectStatus()
			.isNotFound();
	}

	@Test
	void create_withInvalidFields_answersAProblemNamingEachField() {
		Map<String, Object> body = event("Sommerfest", 0);
		body.put("place", "atlantis");
		body.put("endsAt", body.get("startsAt"));
		postEvent(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("capacity"));
		body.put("capacity", 3);
		postEvent(body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("place", "endsAt"));
	}

	@Test
	void create_withADatePostgreSqlCannotStore_answers400() {
		Map<String, Object> body = event("Sommerfest", 10);
		body.put("startsAt", "+999999999-01-01T10:00:00Z");
		body.put("endsAt", "+999999999-01-01T12:00:00Z");
		postEvent(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/unstorable-value")
			.jsonPath("$.detail")
			.isEqualTo("A date or time lies outside the range that can be stored.");
	}

	@Test
	void eventCalendar_isValidICalendar_thatARealParserReads() throws Exception {
		Map<String, Object> body = event("Sommerfest; mit Grill, Musik und Spielen", 10);
		body.put("description", "Alle sind willkommen.\nBitte bringt Salate mit – wir sorgen für Getränke. "
				+ "Dieser Text ist länger als eine Zeile im iCalendar-Format erlaubt, damit sie gefaltet wird.");
		body.put("location", "Gemeindehaus, Hauptstraße 1");
		UUID event = create(body);

		Calendar calendar = calendar("/api/public/events/" + event + "/event.ics");

		assertThat(calendar.validate().getEntries()).isEmpty();
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		VEvent parsed = events.get(0);
		assertThat(value(parsed, "SUMMARY")).isEqualTo("Sommerfest; mit Grill, Musik und Spielen");
		assertThat(value(parsed, "DESCRIPTION")).isEqualTo(body.get("description"));
		assertThat(value(parsed, "LOCATION")).isEqualTo("Gemeindehaus, Hauptstraße 1, Grone");
		assertThat(value(parsed, "UID")).startsWith(event.toString());
		assertThat(value(parsed, "DTSTART"))
			.isEqualTo(((Instant) body.get("startsAt")).toString().replace("-", "").replace(":", ""));
	}

	@Test
	void organisationFeed_listsEveryEvent_withCancelledOnesMarked() throws Exception {
		UUID kept = create(event("Sommerfest", 10));
		UUID cancelled = create(event("Lauftreff", null));
		post("/api/events/" + cancelled + "/cancel").expectStatus().isOk();

		Calendar calendar = calendar("/api/public/organisations/" + this.tenant.id() + "/events.ics");

		assertThat(calendar.validate().getEntries()).isEmpty();
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).extracting((event) -> value(event, "UID").substring(0, 36))
			.containsExactlyInAnyOrder(kept.toString(), cancelled.toString());
		assertThat(events).extracting((event) -> value(event, "STATUS"))
			.containsExactlyInAnyOrder("CONFIRMED", "CANCELLED");
		this.client.get()
			.uri("/api/public/organisations/" + UUID.randomUUID() + "/events.ics")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void upcoming_showsScheduledEventsOfApprovedOrganisationsByPlace() {
		UUID kept = create(event("Sommerfest", 10));
		UUID cancelled = create(event("Lauftreff", null));
		post("/api/events/" + cancelled + "/cancel").expectStatus().isOk();

		this.client.get()
			.uri("/api/public/events?organisation=" + this.tenant.id() + "&place=goettingen-grone")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(kept.toString()));
		this.client.get()
			.uri("/api/public/events?organisation=" + this.tenant.id() + "&place=duderstadt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void replace_keepsTheCapacityAboveTheRegistrations_andLeavesCancelledEventsAlone() {
		UUID event = create(event("Sommerfest", 5));
		HelperRows helpers = new HelperRows(this.database);
		for (int i = 0; i < 3; i++) {
			register("/api/me/events/" + event + "/registration",
					this.tokens.helper(helpers.helper("goettingen-grone", "begegnungscafe").insert()))
				.expectStatus()
				.isOk();
		}

		put(event, event("Sommerfest am See", 2)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("capacity");
		put(event, event("Sommerfest am See", null)).expectStatus().isBadRequest();
		put(event, event("Sommerfest am See", 3)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Sommerfest am See")
			.jsonPath("$.capacity")
			.isEqualTo(3)
			.jsonPath("$.registered")
			.isEqualTo(3);
		Tenant other = new Tenants(this.database).approved();
		this.client.put()
			.uri("/api/events/" + event)
			.headers((headers) -> headers
				.setBearerAuth(this.tokens.member(other.coordinator().id(), other.id(), Role.COORDINATOR)))
			.bodyValue(event("Fremd", 10))
			.exchange()
			.expectStatus()
			.isNotFound();

		post("/api/events/" + event + "/cancel").expectStatus().isOk();
		put(event, event("Sommerfest", 10)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/event-cancelled");
		assertThat(registeredInDatabase(event)).isEqualTo(3);
	}

	private WebTestClient.ResponseSpec put(UUID event, Map<String, Object> body) {
		return this.client.put()
			.uri("/api/events/" + event)
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.bodyValue(body)
			.exchange();
	}

	private Map<String, Object> event(String title, Integer capacity) {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("place", "goettingen-grone");
		body.put("startsAt", start);
		body.put("endsAt", start.plus(Duration.ofHours(3)));
		if (capacity != null) {
			body.put("capacity", capacity);
		}
		return body;
	}

	private UUID create(Map<String, Object> body) {
		return Created.id(this.client, "/api/events", this.coordinator, body);
	}

	private WebTestClient.ResponseSpec postEvent(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/events")
			.headers((headers) -> headers.setBearerAuth(this.coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private Calendar calendar(String uri) throws Exception {
		String ics = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/calendar")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(ics.split("\r\n")).allSatisfy((line) -> assertThat(line.getBytes("UTF-8").length).isLessThan(76));
		return new CalendarBuilder().build(new StringReader(ics));
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElseThrow();
	}

	private WebTestClient.ResponseSpec register(String path, String token) {
		return this.client.put().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec post(String uri) {
		return this.client.post().uri(uri).headers((headers) -> headers.setBearerAuth(this.coordinator)).exchange();
	}

	private int registeredInDatabase(UUID event) {
		return this.database.sql("select registered from event where id = :id")
			.bind("id", event)
			.map((row) -> row.get("registered", Integer.class))
			.one()
			.block(TIMEOUT);
	}

	private long registrationRows(UUID event) {
		return this.database.sql("select count(*) as n from event_registration where event_id = :id")
			.bind("id", event)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

}
