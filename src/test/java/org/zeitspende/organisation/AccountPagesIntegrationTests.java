package org.zeitspende.organisation;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountPagesIntegrationTests {

	private static final String SESSION = "zeitspende_session";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Environment environment;

	@Test
	void passwordChange_saysWhatIsWrong_thenTheNewPasswordSignsIn() {
		Tenant tenant = new Tenants(this.database).approved();
		PageForms browser = signedIn(tenant.coordinator().email(), Tenants.PASSWORD);
		EntityExchangeResult<String> form = browser.get("/console/password");
		assertThat(form.getResponseBody()).contains("autocomplete=\"current-password\"");

		EntityExchangeResult<String> wrong = browser.post(form, "/console/password",
				passwords("not the password", "a much longer new passphrase", "a much longer new passphrase"));
		assertThat(wrong.getStatus().value()).isEqualTo(400);
		assertThat(wrong.getResponseBody()).contains("id=\"currentPassword-error\"");
		EntityExchangeResult<String> mismatch = browser.post(wrong, "/console/password",
				passwords(Tenants.PASSWORD, "a much longer new passphrase", "another passphrase"));
		assertThat(mismatch.getResponseBody()).contains("id=\"repeatPassword-error\"");
		EntityExchangeResult<String> tooShort = browser.post(mismatch, "/console/password",
				passwords(Tenants.PASSWORD, "short", "short"));
		assertThat(tooShort.getResponseBody()).contains("id=\"newPassword-error\"").doesNotContain("value=\"short\"");

		EntityExchangeResult<String> changed = browser.post(tooShort, "/console/password",
				passwords(Tenants.PASSWORD, "a much longer new passphrase", "a much longer new passphrase"));
		assertThat(changed.getStatus().value()).isEqualTo(303);
		assertThat(browser.get("/console/password?changed").getResponseBody()).contains("Passwort ist geändert");
		assertThat(signedIn(tenant.coordinator().email(), "a much longer new passphrase").cookie(SESSION)).isNotBlank();
	}

	@Test
	void organisationProfile_isForAdmins_keepsWhatWasTyped_andSaves() {
		Tenant tenant = new Tenants(this.database).approved();
		PageForms admin = signedIn(tenant.admin().email(), Tenants.PASSWORD);
		EntityExchangeResult<String> form = admin.get("/console/organisation");
		assertThat(form.getStatus().value()).isEqualTo(200);
		assertThat(admin.get("/console").getResponseBody()).contains("href=\"/console/organisation\"");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("name", "Neuer Name " + UUID.randomUUID());
		fields.add("description", "Wir helfen <gern>");
		fields.add("contactEmail", "kontakt@example.org");
		fields.add("website", "ftp://example.org");
		fields.add("logoUrl", "http://example.org/logo.png");
		fields.add("places", "goettingen");

		EntityExchangeResult<String> invalid = admin.post(form, "/console/organisation", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"website-error\"", "id=\"logoUrl-error\"",
				"Wir helfen &lt;gern&gt;", "value=\"goettingen\" checked");

		fields.set("website", "https://example.org");
		fields.set("logoUrl", "https://example.org/logo.png");
		EntityExchangeResult<String> saved = admin.post(invalid, "/console/organisation", fields);
		assertThat(saved.getStatus().value()).isEqualTo(303);
		assertThat(this.database.sql("select name || ' ' || logo_url from organisation where id = :id")
			.bind("id", tenant.id())
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10))).isEqualTo(fields.getFirst("name") + " https://example.org/logo.png");

		PageForms coordinator = signedIn(tenant.coordinator().email(), Tenants.PASSWORD);
		EntityExchangeResult<String> refused = coordinator.get("/console/organisation");
		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(refused.getResponseBody()).contains("<h1>Kein Zugang</h1>");
		assertThat(coordinator.get("/console").getResponseBody()).doesNotContain("href=\"/console/organisation\"");
	}

	@Test
	void operators_approvePendingOrganisations_andNoOneElseSeesThePage() {
		Tenants tenants = new Tenants(this.database);
		Tenant pending = tenants.create("PENDING");
		PageForms operator = new PageForms(this.client).withCookie(SESSION,
				Tokens.of(this.environment).operator(tenants.operator().id()));
		EntityExchangeResult<String> page = operator.get("/console/operator");
		assertThat(page.getStatus().value()).isEqualTo(200);
		assertThat(page.getResponseBody()).contains("/console/operator/organisations/" + pending.id() + "/approve");

		EntityExchangeResult<String> approved = operator.post(page,
				"/console/operator/organisations/" + pending.id() + "/approve", new LinkedMultiValueMap<>());
		assertThat(approved.getStatus().value()).isEqualTo(303);
		assertThat(this.database.sql("select status from organisation where id = :id")
			.bind("id", pending.id())
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10))).isEqualTo("APPROVED");
		assertThat(operator.get("/console/operator").getResponseBody())
			.doesNotContain("/console/operator/organisations/" + pending.id() + "/approve");

		EntityExchangeResult<String> fairness = operator.get("/console/operator/fairness");
		assertThat(fairness.getStatus().value()).isEqualTo(200);
		assertThat(fairness.getResponseBody()).contains("Helfende in der Rotation", "So oft gefragt");
		EntityExchangeResult<String> delivery = operator.get("/console/operator/delivery");
		assertThat(delivery.getStatus().value()).isEqualTo(200);
		assertThat(delivery.getResponseBody()).contains("<th scope=\"col\">DELIVERED</th>");

		Tenant tenant = tenants.approved();
		PageForms admin = signedIn(tenant.admin().email(), Tenants.PASSWORD);
		assertThat(admin.get("/console/operator").getStatus().value()).isEqualTo(403);
		assertThat(admin.get("/console/operator/fairness").getStatus().value()).isEqualTo(403);
		assertThat(admin.get("/console/operator/delivery").getStatus().value()).isEqualTo(403);
	}

	@Test
	void operators_signIn_toTheApprovals() {
		PageForms browser = new PageForms(this.client);
		MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
		credentials.add("email", new Tenants(this.database).operator().email());
		credentials.add("password", Tenants.PASSWORD);

		EntityExchangeResult<String> signedIn = browser.post(browser.get("/login"), "/login", credentials);

		assertThat(signedIn.getStatus().value()).isEqualTo(303);
		assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/console/operator");
		assertThat(browser.get("/console/operator").getStatus().value()).isEqualTo(200);
	}

	private PageForms signedIn(String email, String password) {
		PageForms browser = new PageForms(this.client);
		MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
		credentials.add("email", email);
		credentials.add("password", password);
		browser.post(browser.get("/login"), "/login", credentials);
		return browser;
	}

	private static MultiValueMap<String, String> passwords(String current, String newPassword, String repeat) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("currentPassword", current);
		fields.add("newPassword", newPassword);
		fields.add("repeatPassword", repeat);
		return fields;
	}

}
