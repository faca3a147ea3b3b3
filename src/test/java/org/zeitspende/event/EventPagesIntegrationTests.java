package org.zeitspende.event;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.EventRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventPagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Environment environment;

	private Tenant tenant;

	private String marker;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.marker = "m" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void list_filtersByPlace_andTheEventPageLinksItsCalendar() {
		UUID grone = event("Sommerfest <b>" + this.marker + "</b>", "goettingen-grone");
		UUID rosdorf = event("Flohmarkt " + this.marker, "rosdorf");

		assertThat(page("/events").getResponseBody()).contains("/events/" + grone, "/events/" + rosdorf,
				"Sommerfest &lt;b&gt;" + this.marker);
		assertThat(page("/events?place=rosdorf").getResponseBody()).contains("/events/" + rosdorf)
			.doesNotContain("/events/" + grone);
		assertThat(page("/events/" + grone).getResponseBody())
			.contains("<h1>Sommerfest &lt;b&gt;", "href=\"/api/public/events/" + grone + "/event.ics\"",
					"0 von 10 angemeldet")
			.doesNotContain("<b>" + this.marker);
		assertThat(page("/events/" + UUID.randomUUID()).getStatus().value()).isEqualTo(404);
	}

	@Test
	void pageWithAMalformedId_isAPageNotFound_notAProblemInJson() {
		for (String path : List.of("/events/xyz", "/news/xyz", "/engagement/xyz", "/organisations/xyz")) {
			EntityExchangeResult<String> result = page(path);
			assertThat(result.getStatus().value()).as(path).isEqualTo(404);
			assertThat(result.getResponseHeaders().getContentType()).as(path).isNotNull();
			assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(path)
				.isTrue();
			assertThat(result.getResponseBody()).as(path).contains("<h1>Nicht gefunden</h1>");
		}
	}

	@Test
	void console_createsAnEvent_afterMarkingAWrongEnd_andCancelsIt() {
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		EntityExchangeResult<String> form = browser.get("/console/events/new");
		LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("title", "Helferfest " + this.marker);
		fields.add("place", "goettingen-grone");
		fields.add("location", "Gemeindesaal");
		fields.add("startsAt", start.toString());
		fields.add("endsAt", start.minusHours(1).toString());
		fields.add("capacity", "20");

		EntityExchangeResult<String> invalid = browser.post(form, "/console/events", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"endsAt-error\"", "value=\"Gemeindesaal\"");

		fields.set("endsAt", start.plusHours(3).toString());
		assertThat(browser.post(invalid, "/console/events", fields).getStatus().value()).isEqualTo(303);
		EntityExchangeResult<String> list = browser.get("/console/events");
		assertThat(list.getResponseBody()).contains("Helferfest " + this.marker, "0 / 20", "Findet statt");
		String cancel = list.getResponseBody()
			.replaceAll("(?s).*action=\"(/console/events/[0-9a-f-]{36}/cancel)\".*", "$1");
		assertThat(browser.post(list, cancel, new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(303);
		String id = cancel.split("/")[3];
		assertThat(page("/events/" + id).getResponseBody()).contains("abgesagt");
	}

	@Test
	void console_anotherOrganisationsEvent_isNotCancelled() {
		Tenant other = new Tenants(this.database).approved();
		UUID theirs = new EventRows(this.database).scheduled(other.id(), other.coordinator().id());
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);

		EntityExchangeResult<String> refused = browser.post(browser.get("/console/events"),
				"/console/events/" + theirs + "/cancel", new LinkedMultiValueMap<>());

		assertThat(refused.getStatus().value()).isEqualTo(404);
		assertThat(this.database.sql("select status from event where id = :id")
			.bind("id", theirs)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT)).isEqualTo("SCHEDULED");
	}

	@Test
	void eventPage_letsASignedInHelperTakeAPlace_andSaysWhenItIsFull() {
		UUID event = event("Lesung " + this.marker, "goettingen-grone");
		this.database.sql("update event set capacity = 1 where id = :id").bind("id", event).then().block(TIMEOUT);
		String path = "/events/" + event;
		String action = "/h/me/events/" + event + "/registration";
		assertThat(page(path).getResponseBody()).contains("href=\"/h/sign-in\"", "Anmelden und einen Platz nehmen")
			.doesNotContain("action=\"" + action);

		PageForms first = signedIn();
		PageForms second = signedIn().withCookie("lang", "en");
		EntityExchangeResult<String> offered = first.get(path);
		EntityExchangeResult<String> offeredToo = second.get(path);
		assertThat(offered.getResponseBody()).contains("action=\"" + action + "\"", "name=\"_csrf\"",
				"0 von 1 angemeldet");
		assertThat(offeredToo.getResponseBody()).contains("action=\"" + action + "\"", "Take a place");

		EntityExchangeResult<String> taken = first.post(offered, action, new LinkedMultiValueMap<>());
		assertThat(taken.getStatus().value()).isEqualTo(303);
		assertThat(taken.getResponseHeaders().getLocation()).hasToString(path);
		assertThat(first.get(path).getResponseBody()).contains("Sie sind angemeldet.", "1 von 1 angemeldet")
			.doesNotContain("action=\"" + action);
		assertThat(first.post(offered, action, new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(303);
		assertThat(first.get("/h/me").getResponseBody()).contains("<h2 id=\"my-registrations\">Meine Anmeldungen</h2>",
				"<a href=\"" + path + "\">Lesung " + this.marker + "</a>");
		assertThat(second.get("/h/me").getResponseBody()).contains("You are not registered for any upcoming event.",
				"You have not expressed interest yet.", "href=\"/engagement\"");

		EntityExchangeResult<String> late = second.post(offeredToo, action, new LinkedMultiValueMap<>());
		assertThat(late.getStatus().value()).isEqualTo(409);
		assertThat(late.getResponseBody()).contains("Fully booked: every place is taken.", "1 of 1 registered")
			.doesNotContain("action=\"" + action);
		assertThat(page(path).getResponseBody()).contains("Ausgebucht").doesNotContain("href=\"/h/sign-in\"");
		assertThat(this.database.sql("select count(*) from event_registration where event_id = :id")
			.bind("id", event)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT)).isEqualTo(1L);
	}

	@Test
	void registration_needsAHelperSession_andAFormToken() {
		UUID event = event("Lesung " + this.marker, "goettingen-grone");
		String action = "/h/me/events/" + event + "/registration";
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();

		this.client.post()
			.uri(action)
			.cookie("zeitspende_session", Tokens.of(this.environment).helper(helper))
			.exchange()
			.expectStatus()
			.isForbidden();
		PageForms coordinator = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		assertThat(coordinator.post(coordinator.get("/events/" + event), action, new LinkedMultiValueMap<>())
			.getStatus()
			.value()).isEqualTo(403);
		assertThat(this.database.sql("select registered from event where id = :id")
			.bind("id", event)
			.map((row) -> row.get(0, Integer.class))
			.one()
			.block(TIMEOUT)).isZero();
	}

	private PageForms signedIn() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		return new PageForms(this.client).withCookie("zeitspende_session", Tokens.of(this.environment).helper(helper));
	}

	private EntityExchangeResult<String> page(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	// Soon, so that it is among the first upcoming events of the shared database.
	private UUID event(String title, String place) {
		return this.database.sql("""
				insert into event (organisation_id, created_by, title, place_code, starts_at, ends_at, capacity)
				values (:organisation, :createdBy, :title, :place, now() + interval '10 minutes',
				    now() + interval '2 hours', 10)
				returning id""")
			.bind("organisation", this.tenant.id())
			.bind("createdBy", this.tenant.coordinator().id())
			.bind("title", title)
			.bind("place", place)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

}
