package org.zeitspende.helper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProfilePagesIntegrationTests {

	private static final String SESSION = "zeitspende_session";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static GreenMailExtension smtp = Mailbox.smtpServer();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry);
	}

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Environment environment;

	@Test
	void signInLink_requestedOnThePage_opensTheProfile_once() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "dolmetschen").insert();
		String email = column(helper, "email", String.class);
		PageForms browser = new PageForms(this.client);

		EntityExchangeResult<String> sent = browser.post(browser.get("/h/sign-in"), "/h/sign-in",
				fields("contact", email));
		assertThat(sent.getResponseBody()).contains("Link verschickt");
		String token = Mailbox.linkToken(Mailbox.receivedBy(smtp, email), "/h/sign-in/");
		EntityExchangeResult<String> link = browser.get("/h/sign-in/" + token);
		assertThat(link.getResponseBody()).contains("action=\"/h/sign-in/" + token + "\"", "Zu meinem Profil");
		// A sign-in link does not verify a contact.
		assertThat(browser.get("/h/verify/" + token).getStatus().value()).isEqualTo(404);
		assertThat(column(helper, "email", String.class)).isEqualTo(email);

		EntityExchangeResult<String> signedIn = browser.post(link, "/h/sign-in/" + token, new LinkedMultiValueMap<>());
		assertThat(signedIn.getStatus().value()).isEqualTo(303);
		assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/h/me");
		EntityExchangeResult<String> profile = browser.get("/h/me");
		assertThat(profile.getStatus().value()).isEqualTo(200);
		assertThat(profile.getResponseBody()).contains("<h1>Mein Profil</h1>", email,
				"value=\"goettingen-grone\" checked", "value=\"dolmetschen\" checked");

		EntityExchangeResult<String> again = new PageForms(this.client).post(link, "/h/sign-in/" + token,
				new LinkedMultiValueMap<>());
		assertThat(again.getStatus().value()).isIn(403, 404);
		assertThat(browser.post(link, "/h/sign-in/" + token, new LinkedMultiValueMap<>()).getResponseBody())
			.contains("Link ungültig");
		EntityExchangeResult<String> used = browser.get("/h/sign-in/" + token);
		assertThat(used.getStatus().value()).isEqualTo(404);
		assertThat(used.getResponseBody()).contains("Link ungültig").doesNotContain("Zu meinem Profil");
	}

	@Test
	void signInRequest_marksAnInvalidContact_andAnswersTheSameForAnUnknownOne() {
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> invalid = browser.post(browser.get("/h/sign-in"), "/h/sign-in",
				fields("contact", "0123 kein Telefon"));
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("aria-invalid=\"true\"", "value=\"0123 kein Telefon\"");

		EntityExchangeResult<String> unknown = browser.post(browser.get("/h/sign-in"), "/h/sign-in",
				fields("contact", "nobody-" + UUID.randomUUID() + "@test.example.org"));
		assertThat(unknown.getStatus().value()).isEqualTo(200);
		assertThat(unknown.getResponseBody()).contains("Link verschickt");
	}

	@Test
	void signInRequests_overTheLimit_answerAPageThatAsksToWait() {
		PageForms browser = new PageForms(this.client);
		MultiValueMap<String, String> contact = fields("contact", "limited-" + UUID.randomUUID() + "@test.example.org");
		EntityExchangeResult<String> last = null;
		for (int request = 0; request < 6; request++) {
			last = browser.post(browser.get("/h/sign-in"), "/h/sign-in", contact);
		}
		assertThat(last.getStatus().value()).isEqualTo(429);
		assertThat(last.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(last.getResponseBody()).contains("<h1>Gerade zu viele Versuche</h1>");
	}

	@Test
	void profile_marksInvalidFields_keepsWhatWasTyped_thenSaves() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "dolmetschen").insert();
		PageForms browser = signedIn(helper);
		EntityExchangeResult<String> page = browser.get("/h/me");
		MultiValueMap<String, String> form = fields("activities", "spenden-sortieren");
		form.add("skills", "Erste Hilfe, Lastenrad");
		form.add("hoursPerWeek", "99");
		form.add("commitment", "REGULAR");
		form.add("quietFrom", "21:30");
		form.add("messageLanguage", "en");

		EntityExchangeResult<String> refused = browser.post(page, "/h/me", form);

		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getResponseBody()).contains("role=\"alert\"", "id=\"places-error\"",
				"id=\"hoursPerWeek-error\"", "id=\"quietHours-error\"", "value=\"Erste Hilfe, Lastenrad\"",
				"value=\"99\"", "value=\"21:30\"", "value=\"spenden-sortieren\" checked", "value=\"REGULAR\" checked");
		assertThat(column(helper, "hours_per_week", Short.class)).isEqualTo((short) 2);

		form.add("places", "goettingen");
		form.set("hoursPerWeek", "6");
		form.add("quietUntil", "07:00");
		EntityExchangeResult<String> saved = browser.post(refused, "/h/me", form);

		assertThat(saved.getStatus().value()).isEqualTo(303);
		assertThat(saved.getResponseHeaders().getLocation()).hasToString("/h/me?saved");
		assertThat(column(helper, "hours_per_week", Short.class)).isEqualTo((short) 6);
		assertThat(column(helper, "quiet_from", LocalTime.class)).isEqualTo(LocalTime.of(21, 30));
		assertThat(column(helper, "message_language", String.class)).isEqualTo("en");
		assertThat(browser.get("/h/me?saved").getResponseBody()).contains("gespeichert", "value=\"goettingen\" checked",
				"erste-hilfe, lastenrad");
	}

	@Test
	void pause_untilADay_thenResume() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "dolmetschen").insert();
		PageForms browser = signedIn(helper);
		EntityExchangeResult<String> page = browser.get("/h/me");

		EntityExchangeResult<String> past = browser.post(page, "/h/me/pause", fields("until", "2020-01-01"));
		assertThat(past.getStatus().value()).isEqualTo(400);
		assertThat(past.getResponseBody()).contains("id=\"until-error\"");

		LocalDate until = LocalDate.now().plusDays(10);
		assertThat(browser.post(page, "/h/me/pause", fields("until", until.toString())).getStatus().value())
			.isEqualTo(303);
		assertThat(column(helper, "paused_until", OffsetDateTime.class)).isAfter(OffsetDateTime.now().plusDays(8));
		EntityExchangeResult<String> paused = browser.get("/h/me");
		assertThat(paused.getResponseBody()).contains(
				"keine Anfragen bis zum " + until.getDayOfMonth() + "." + until.getMonthValue() + "." + until.getYear(),
				"action=\"/h/me/resume\"");

		assertThat(browser.post(paused, "/h/me/resume", new LinkedMultiValueMap<>()).getStatus().value())
			.isEqualTo(303);
		assertThat(column(helper, "paused_until", OffsetDateTime.class)).isNull();
	}

	@Test
	void export_downloadsEverything() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "dolmetschen").insert();
		this.client.get()
			.uri("/h/me/export")
			.cookie(SESSION, Tokens.of(this.environment).helper(helper))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, (disposition) -> assertThat(disposition).startsWith("attachment"))
			.expectBody(String.class)
			.value((json) -> assertThat(json).contains(column(helper, "email", String.class), "goettingen-grone"));
	}

	@Test
	void erasure_needsTheConfirmation_thenSignsOut() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "dolmetschen").insert();
		PageForms browser = signedIn(helper);
		EntityExchangeResult<String> confirm = browser.get("/h/me/erase");
		assertThat(confirm.getResponseBody()).contains("name=\"confirm\"");

		EntityExchangeResult<String> unconfirmed = browser.post(confirm, "/h/me/erase", new LinkedMultiValueMap<>());
		assertThat(unconfirmed.getStatus().value()).isEqualTo(400);
		assertThat(unconfirmed.getResponseBody()).contains("id=\"confirm-error\"");
		assertThat(column(helper, "email", String.class)).isNotNull();

		EntityExchangeResult<String> erased = browser.post(confirm, "/h/me/erase", fields("confirm", "yes"));
		assertThat(erased.getStatus().value()).isEqualTo(200);
		assertThat(erased.getResponseBody()).contains("Gelöscht");
		assertThat(column(helper, "email", String.class)).isNull();
		assertThat(browser.cookie(SESSION)).isNull();

		EntityExchangeResult<String> stale = new PageForms(this.client)
			.withCookie(SESSION, Tokens.of(this.environment).helper(helper))
			.get("/h/me");
		assertThat(stale.getStatus().value()).isEqualTo(303);
		assertThat(stale.getResponseHeaders().getLocation()).hasToString("/h/sign-in?signed-out");
	}

	@Test
	void profilePages_needAHelperSession_andAFormToken() {
		this.client.get()
			.uri("/h/me")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/h/sign-in");
		UUID organisation = new Tenants(this.database).approved().id();
		this.client.get()
			.uri("/h/me")
			.cookie(SESSION, Tokens.of(this.environment).coordinator(organisation))
			.exchange()
			.expectStatus()
			.isForbidden();
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "dolmetschen").insert();
		String session = Tokens.of(this.environment).helper(helper);
		this.client.get().uri("/console").cookie(SESSION, session).exchange().expectStatus().isForbidden();
		this.client.post().uri("/h/me/resume").cookie(SESSION, session).exchange().expectStatus().isForbidden();
		this.client.get().uri("/h/me").cookie(SESSION, session).exchange().expectStatus().isOk();
	}

	private PageForms signedIn(UUID helper) {
		return new PageForms(this.client).withCookie(SESSION, Tokens.of(this.environment).helper(helper));
	}

	private <T> T column(UUID helper, String column, Class<T> type) {
		return this.database.sql("select " + column + " from helper where id = :id")
			.bind("id", helper)
			.map((row) -> Optional.ofNullable(row.get(0, type)))
			.one()
			.block(TIMEOUT)
			.orElse(null);
	}

	private static MultiValueMap<String, String> fields(String name, String value) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add(name, value);
		return fields;
	}

}
