package org.zeitspende.event;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.EventRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventPagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

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
