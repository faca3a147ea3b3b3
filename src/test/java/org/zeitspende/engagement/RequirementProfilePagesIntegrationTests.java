package org.zeitspende.engagement;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RequirementProfilePagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Environment environment;

	private Tenant tenant;

	// A word only this test's profiles carry, so that searching for it leaves out the
	// rows of other tests in the shared database.
	private String marker;

	@BeforeEach
	void setUp() {
		this.tenant = new Tenants(this.database).approved();
		this.marker = "m" + UUID.randomUUID().toString().substring(0, 8) + "7";
	}

	@Test
	void browse_searchesFilters_andEscapesWhatOrganisationsWrote() {
		UUID driving = profile("Fahrdienst " + this.marker, "fahrdienst", "goettingen-grone", 4, "fuehrerschein");
		UUID clothes = profile("Kleiderkammer <script>x</script> " + this.marker, "kleiderkammer", "rosdorf", 8, null);

		String found = page("/engagement?q=" + this.marker).getResponseBody();
		assertThat(found)
			.contains("/engagement/" + driving, "/engagement/" + clothes,
					"Kleiderkammer &lt;script&gt;x&lt;/script&gt;", "role=\"search\"", "value=\"" + this.marker + "\"")
			.doesNotContain("<script>x", "class=\"fit\"");
		assertThat(page("/engagement?q=" + this.marker + "&place=rosdorf").getResponseBody())
			.contains("/engagement/" + clothes)
			.doesNotContain("/engagement/" + driving);
		assertThat(page("/engagement?q=" + this.marker + "&maxHoursPerWeek=5").getResponseBody())
			.contains("/engagement/" + driving)
			.doesNotContain("/engagement/" + clothes);
	}

	@Test
	void browse_byFit_showsTheScoreAndWhy_bestFirst() {
		UUID clothes = profile("Kleiderkammer " + this.marker, "kleiderkammer", "rosdorf", 8, null);
		UUID driving = profile("Fahrdienst " + this.marker, "fahrdienst", "goettingen-grone", 4, "fuehrerschein");

		String html = page("/engagement?q=" + this.marker + "&sort=FIT&hoursPerWeek=4&places=goettingen-grone"
				+ "&activities=fahrdienst&skills=Fuehrerschein, kochen")
			.getResponseBody();

		assertThat(html).contains("Passung 100 von 100:</strong> "
				+ "1 von 1 Fähigkeiten passen, passt in Ihre 4 Std./Woche, an einem Ihrer Orte, eine Ihrer Tätigkeiten</p>",
				"<option value=\"FIT\" selected>", "<details open>", "value=\"Fuehrerschein, kochen\"")
			.doesNotContain("lang=\"en\">matches");
		assertThat(html.indexOf("/engagement/" + driving)).isLessThan(html.indexOf("/engagement/" + clothes));
		assertThat(page("/engagement?q=" + this.marker + "&sort=FIT&hoursPerWeek=4&lang=en").getResponseBody())
			.contains("needs no particular skills, needs 8 h/week, more than your 4, not in your places, "
					+ "not one of your activities");
		assertThat(page("/engagement?places&hoursPerWeek=3&q=" + this.marker).getStatus().value()).isEqualTo(200);
	}

	@Test
	void browse_byFitWithoutHours_saysWhatIsMissing() {
		EntityExchangeResult<String> refused = page("/engagement?sort=FIT&q=" + this.marker);

		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getResponseBody()).contains("role=\"alert\"", "id=\"hoursPerWeek-error\"",
				"Stunden pro Woche an");
	}

	@Test
	void profilePage_showsTheFacts_andAPausedProfileIsNotFound() {
		UUID driving = profile("Fahrdienst " + this.marker, "fahrdienst", "goettingen-grone", 4, "fuehrerschein");

		assertThat(page("/engagement/" + driving).getResponseBody()).contains("<h1>Fahrdienst " + this.marker,
				"4 Std./Woche", "regelmäßig", "fuehrerschein", "Grone", "href=\"/organisations/" + this.tenant.id());
		this.database.sql("update requirement_profile set status = 'PAUSED' where id = :id")
			.bind("id", driving)
			.then()
			.block(TIMEOUT);
		assertThat(page("/engagement/" + driving).getStatus().value()).isEqualTo(404);
	}

	@Test
	void profilePage_letsASignedInHelperExpressInterest_andThenSaysSo() {
		UUID driving = profile("Fahrdienst " + this.marker, "fahrdienst", "goettingen-grone", 4, "fuehrerschein");
		String path = "/engagement/" + driving;
		String action = "/h/me/interests/" + driving;
		assertThat(page(path).getResponseBody()).contains("href=\"/h/sign-in\"", "Anmelden und Interesse bekunden")
			.doesNotContain("action=\"" + action);
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		String session = Tokens.of(this.environment).helper(helper);
		PageForms browser = new PageForms(this.client).withCookie("zeitspende_session", session);

		EntityExchangeResult<String> offered = browser.get(path);
		assertThat(offered.getResponseBody()).contains("action=\"" + action + "\"", "name=\"_csrf\"",
				"name=\"shareContact\" value=\"yes\"", "Interesse bekunden");
		this.client.post().uri(action).cookie("zeitspende_session", session).exchange().expectStatus().isForbidden();
		MultiValueMap<String, String> share = new LinkedMultiValueMap<>();
		share.add("shareContact", "yes");
		EntityExchangeResult<String> expressed = browser.post(offered, action, share);
		assertThat(expressed.getStatus().value()).isEqualTo(303);
		assertThat(expressed.getResponseHeaders().getLocation()).hasToString(path);

		assertThat(browser.get(path).getResponseBody()).contains("Sie haben Interesse bekundet. Stand: Offen")
			.doesNotContain("action=\"" + action);
		assertThat(browser.get("/h/me").getResponseBody()).contains("<h2 id=\"my-interests\">Meine Interessen</h2>",
				"<a href=\"" + path + "\">Fahrdienst " + this.marker + "</a> · Offen");
		assertThat(browser.withCookie("lang", "en").get(path).getResponseBody())
			.contains("You expressed interest. Status: Open");
		assertThat(this.database.sql("""
				select share_contact from requirement_interest where profile_id = :profile and helper_id = :helper""")
			.bind("profile", driving)
			.bind("helper", helper)
			.map((row) -> row.get(0, Boolean.class))
			.all()
			.collectList()
			.block(TIMEOUT)).containsExactly(true);
	}

	@Test
	void profilePage_withAStaleSession_isShownAsToAnyone() {
		UUID driving = profile("Fahrdienst " + this.marker, "fahrdienst", "goettingen-grone", 4, null);

		EntityExchangeResult<String> shown = this.client.get()
			.uri("/engagement/" + driving)
			.cookie("zeitspende_session", "not-a-token")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(shown.getResponseBody()).contains("href=\"/h/sign-in\"");
	}

	@Test
	void console_createsAProfile_pausesAndOpensIt_andDecidesOnInterestedHelpers() {
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		EntityExchangeResult<String> form = browser.get("/console/profiles/new");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("title", "Lesepaten " + this.marker);
		fields.add("activity", "fahrdienst");
		fields.add("places", "goettingen-grone");
		fields.add("places", "rosdorf");
		fields.add("hoursPerWeek", "99");
		fields.add("commitment", "REGULAR");
		fields.add("volunteersSought", "2");
		fields.add("requiredSkills", "Erste Hilfe, !");
		fields.add("requiredLanguages", "ar");
		fields.add("languages", "uk");
		fields.add("criminalRecordCertificate", "yes");

		EntityExchangeResult<String> invalid = browser.post(form, "/console/profiles", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"hoursPerWeek-error\"",
				"name=\"places\" value=\"rosdorf\" checked", "name=\"requiredLanguages\" value=\"ar\" checked",
				"name=\"languages\" value=\"uk\" checked", "name=\"criminalRecordCertificate\" value=\"yes\" checked");

		fields.set("hoursPerWeek", "3");
		fields.set("requiredSkills", "Erste Hilfe");
		EntityExchangeResult<String> created = browser.post(invalid, "/console/profiles", fields);
		assertThat(created.getStatus().value()).isEqualTo(303);
		String path = created.getResponseHeaders().getLocation().toString();
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		assertThat(page("/engagement/" + id).getResponseBody()).contains("erste-hilfe", "Führungszeugnis",
				"<dt>Nötige Sprachen</dt><dd>Arabisch</dd>", "<dt>Hilfreiche Sprachen</dt><dd>Ukrainisch</dd>");

		EntityExchangeResult<String> detail = browser.get(path);
		assertThat(detail.getResponseBody()).contains("Offen", "Noch hat niemand Interesse");
		browser.post(detail, path + "/pause", new LinkedMultiValueMap<>());
		assertThat(page("/engagement/" + id).getStatus().value()).isEqualTo(404);
		browser.post(detail, path + "/open", new LinkedMultiValueMap<>());
		assertThat(page("/engagement/" + id).getStatus().value()).isEqualTo(200);

		RequirementProfileRows rows = new RequirementProfileRows(this.database);
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").hoursPerWeek(4).insert();
		UUID interest = rows.interest(id, helper);
		EntityExchangeResult<String> interested = browser.get(path);
		assertThat(interested.getResponseBody()).contains("H-" + interest.toString().substring(0, 8).toUpperCase(),
				"passt in die 4 Std./Woche der Person", "/interests/" + interest + "/accept");
		assertThat(browser.post(interested, path + "/interests/" + interest + "/accept", new LinkedMultiValueMap<>())
			.getStatus()
			.value()).isEqualTo(303);
		assertThat(browser.get(path).getResponseBody()).contains("Angenommen")
			.doesNotContain("/interests/" + interest + "/accept");
		assertThat(browser.get("/console/profiles").getResponseBody()).contains(path, "Lesepaten " + this.marker);
	}

	@Test
	void console_editsAProfile_marksInvalidFields_andKeepsWhatWasTyped() {
		UUID id = profile("Fahrdienst " + this.marker, "fahrdienst", "goettingen-grone", 4, "fuehrerschein");
		String path = "/console/profiles/" + id;
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);
		assertThat(browser.get(path).getResponseBody()).contains("href=\"" + path + "/edit\"");

		EntityExchangeResult<String> form = browser.get(path + "/edit");
		assertThat(form.getStatus().value()).isEqualTo(200);
		assertThat(form.getResponseBody()).contains("<h1>Anforderungsprofil bearbeiten</h1>", "action=\"" + path + "\"",
				"value=\"Fahrdienst " + this.marker + "\"", "name=\"places\" value=\"goettingen-grone\" checked",
				"value=\"fuehrerschein\"", "<option value=\"REGULAR\" selected>", "name=\"languages\" value=\"ar\"",
				"Änderungen speichern");

		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("title", "Fahrdienst am Abend " + this.marker);
		fields.add("activity", "fahrdienst");
		fields.add("places", "rosdorf");
		fields.add("hoursPerWeek", "0");
		fields.add("commitment", "REGULAR");
		fields.add("volunteersSought", "3");
		fields.add("languages", "ar");
		fields.add("languages", "xx");
		EntityExchangeResult<String> invalid = browser.post(form, path, fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("role=\"alert\"", "id=\"hoursPerWeek-error\"",
				"value=\"Fahrdienst am Abend " + this.marker + "\"", "name=\"places\" value=\"rosdorf\" checked",
				"name=\"languages\" value=\"ar\" checked");
		assertThat(title(id)).isEqualTo("Fahrdienst " + this.marker);

		fields.set("hoursPerWeek", "2");
		EntityExchangeResult<String> unknownLanguage = browser.post(invalid, path, fields);
		assertThat(unknownLanguage.getStatus().value()).isEqualTo(400);
		assertThat(unknownLanguage.getResponseBody()).contains("id=\"languages-error\"");

		fields.remove("languages");
		fields.add("languages", "ar");
		EntityExchangeResult<String> saved = browser.post(unknownLanguage, path, fields);
		assertThat(saved.getStatus().value()).isEqualTo(303);
		assertThat(saved.getResponseHeaders().getLocation()).hasToString(path);
		assertThat(page("/engagement/" + id).getResponseBody()).contains("<h1>Fahrdienst am Abend " + this.marker,
				"2 Std./Woche", "<dd>Arabisch</dd>");

		this.database.sql("update requirement_profile set status = 'CLOSED' where id = :id")
			.bind("id", id)
			.then()
			.block(TIMEOUT);
		assertThat(browser.get(path).getResponseBody()).doesNotContain("href=\"" + path + "/edit\"");
		EntityExchangeResult<String> closed = browser.post(browser.withCookie("lang", "en").get(path + "/edit"), path,
				fields);
		assertThat(closed.getStatus().value()).isEqualTo(409);
		assertThat(closed.getResponseBody()).contains("<h1>No longer possible</h1>");
	}

	@Test
	void console_anotherOrganisationsProfile_cannotBeEdited() {
		Tenant other = new Tenants(this.database).approved();
		UUID theirs = new RequirementProfileRows(this.database).open(other.id(), other.coordinator().id());
		String before = title(theirs);
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);

		EntityExchangeResult<String> form = browser.get("/console/profiles/" + theirs + "/edit");
		assertThat(form.getStatus().value()).isEqualTo(404);
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("title", "Übernommen");
		fields.add("activity", "fahrdienst");
		fields.add("hoursPerWeek", "2");
		fields.add("commitment", "REGULAR");
		fields.add("volunteersSought", "1");
		assertThat(browser.post(form, "/console/profiles/" + theirs, fields).getStatus().value()).isEqualTo(404);
		assertThat(title(theirs)).isEqualTo(before);
	}

	@Test
	void console_anotherOrganisationsProfile_isNotFound_andStaysOpen() {
		Tenant other = new Tenants(this.database).approved();
		UUID theirs = new RequirementProfileRows(this.database).open(other.id(), other.coordinator().id());
		PageForms browser = ConsoleSignIn.coordinatorOf(this.tenant, this.client);

		EntityExchangeResult<String> page = browser.get("/console/profiles/" + theirs);
		assertThat(page.getStatus().value()).isEqualTo(404);
		assertThat(browser.post(page, "/console/profiles/" + theirs + "/close", new LinkedMultiValueMap<>())
			.getStatus()
			.value()).isEqualTo(404);
		assertThat(this.database.sql("select status from requirement_profile where id = :id")
			.bind("id", theirs)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT)).isEqualTo("OPEN");
	}

	private String title(UUID profile) {
		return this.database.sql("select title from requirement_profile where id = :id")
			.bind("id", profile)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private EntityExchangeResult<String> page(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	private UUID profile(String title, String activity, String place, int hours, String skill) {
		return this.database.sql("""
				insert into requirement_profile (organisation_id, created_by, title, activity_code, places,
				    required_skills, hours_per_week, commitment, volunteers_sought)
				values (:organisation, :createdBy, :title, :activity, array[:place], :skills, :hours, 'REGULAR', 2)
				returning id""")
			.bind("organisation", this.tenant.id())
			.bind("createdBy", this.tenant.coordinator().id())
			.bind("title", title)
			.bind("activity", activity)
			.bind("place", place)
			.bind("skills", (skill != null) ? new String[] { skill } : new String[0])
			.bind("hours", hours)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

}
