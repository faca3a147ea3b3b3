package org.zeitspende.callout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConsoleHelpersAndPreviewIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	private final List<UUID> organisations = new ArrayList<>();

	@AfterEach
	void deleteOrganisations() {
		this.database.sql("delete from organisation where id = any(:ids)")
			.bind("ids", this.organisations.toArray(UUID[]::new))
			.then()
			.block(TIMEOUT);
	}

	@Test
	void detail_showsContactsOfConfirmedHelpersOnly() {
		Tenant tenant = tenant();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id(), "kleiderkammer",
				"goettingen", Instant.now().plus(Duration.ofDays(2)), 3);
		HelperRows helpers = new HelperRows(this.database);
		UUID confirmed = helpers.helper("goettingen", "kleiderkammer").mobile().insert();
		UUID asked = helpers.helper("goettingen", "kleiderkammer").insert();
		AskRows asks = new AskRows(this.database);
		asks.ask(callout, confirmed, "EMAIL");
		asks.ask(callout, asked, "EMAIL");
		PageForms browser = signedIn(tenant);
		assertThat(browser.get("/console/callouts/" + callout).getResponseBody()).contains("id=\"confirmed\"",
				"Noch hat niemand zugesagt");

		this.database
			.sql("insert into confirmation (callout_id, helper_id, answer) values (:callout, :helper, 'CONFIRMED')")
			.bind("callout", callout)
			.bind("helper", confirmed)
			.then()
			.block(TIMEOUT);

		String page = browser.get("/console/callouts/" + callout).getResponseBody();
		assertThat(page).contains("href=\"mailto:" + email(confirmed) + "\"", "href=\"tel:+49151")
			.doesNotContain(email(asked));
	}

	@Test
	void previewButton_showsWhoWouldBeAsked_keepsTheForm_andCreatesNothing() {
		Tenant tenant = tenant();
		new HelperRows(this.database).helper("goettingen", "kleiderkammer").insert();
		PageForms browser = signedIn(tenant);
		EntityExchangeResult<String> form = browser.get("/console/callouts/new");
		assertThat(form.getResponseBody()).contains("name=\"preview\" value=\"yes\"");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("activity", "kleiderkammer");
		fields.add("place", "goettingen");
		LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
		fields.add("startsAt", start.toString());
		fields.add("endsAt", start.plusHours(2).toString());
		fields.add("needed", "2");
		fields.add("meetingPoint", "Hintereingang");
		fields.add("preview", "yes");

		EntityExchangeResult<String> preview = browser.post(form, "/console/callouts", fields);

		assertThat(preview.getStatus().value()).isEqualTo(200);
		assertThat(preview.getResponseBody()).containsPattern("Etwa [1-9]\\d* Helfende passen; die erste Welle fragt")
			.contains("value=\"Hintereingang\"", "<option value=\"kleiderkammer\" selected>");
		assertThat(callouts(tenant)).isZero();

		fields.remove("needed");
		EntityExchangeResult<String> invalid = browser.post(preview, "/console/callouts", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"needed-error\"").doesNotContain("id=\"preview\"");

		fields.add("needed", "2");
		fields.remove("preview");
		assertThat(browser.post(invalid, "/console/callouts", fields).getStatus().value()).isEqualTo(303);
		assertThat(callouts(tenant)).isOne();
	}

	private Tenant tenant() {
		Tenant tenant = new Tenants(this.database).approved();
		this.organisations.add(tenant.id());
		return tenant;
	}

	private PageForms signedIn(Tenant tenant) {
		PageForms browser = new PageForms(this.client);
		MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
		credentials.add("email", tenant.coordinator().email());
		credentials.add("password", Tenants.PASSWORD);
		browser.post(browser.get("/login"), "/login", credentials);
		return browser;
	}

	private String email(UUID helper) {
		return new HelperRows(this.database).email(helper);
	}

	private long callouts(Tenant tenant) {
		return this.database.sql("select count(*) from callout where organisation_id = :id")
			.bind("id", tenant.id())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

}
