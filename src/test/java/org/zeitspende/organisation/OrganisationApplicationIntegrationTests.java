package org.zeitspende.organisation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganisationApplicationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PASSWORD = "ein langes gutes Passwort";

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	Tenants tenants;

	Tokens tokens;

	@BeforeEach
	void setUp() {
		this.tenants = new Tenants(this.database);
		this.tokens = Tokens.of(this.environment);
	}

	@Test
	void apply_thenOperatorApproves_opensTheApiToTheMembers() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String adminEmail = "Leitung-" + suffix + "@Tafel-Rosdorf.example.org";
		apply(application("Tafel Rosdorf " + suffix, adminEmail)).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING")
			.jsonPath("$.slug")
			.isEqualTo("tafel-rosdorf-" + suffix)
			.jsonPath("$.places")
			.isEqualTo(List.of("rosdorf"));
		String organisationId = organisationIdOf(adminEmail);

		String admin = accessToken(adminEmail.toLowerCase(), PASSWORD);
		get("/api/organisation", admin).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING");
		patch("/api/organisation", admin, Map.of("description", "Lebensmittel für alle")).expectStatus().isOk();
		get("/api/organisation/members", admin).expectStatus().isForbidden();

		String operator = this.tokens.operator(this.tenants.operator().id());
		get("/api/admin/organisations?status=PENDING", operator).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + organisationId + "')].name")
			.isEqualTo("Tafel Rosdorf " + suffix);
		post("/api/admin/organisations/" + organisationId + "/approve", operator).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED");

		get("/api/organisation/members", admin).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].email")
			.isEqualTo(adminEmail.toLowerCase())
			.jsonPath("$[0].role")
			.isEqualTo("ADMIN");
		get("/api/organisation", admin).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Lebensmittel für alle");
		assertThat(statusChanges(organisationId)).containsExactly("PENDING", "APPROVED");
	}

	@Test
	void operatorSuspends_andTheMembersCanDoNothing() {
		Tenant tenant = this.tenants.approved();
		String admin = this.tokens.member(tenant.admin().id(), tenant.id(), Role.ADMIN);
		get("/api/organisation", admin).expectStatus().isOk();

		String operator = this.tokens.operator(this.tenants.operator().id());
		post("/api/admin/organisations/" + tenant.id() + "/suspend", operator).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUSPENDED");

		get("/api/organisation", admin).expectStatus().isForbidden();
	}

	@Test
	void nonOperators_areRefusedOnTheOperatorEndpoints() {
		Tenant tenant = this.tenants.approved();
		String admin = this.tokens.admin(tenant.id());
		get("/api/admin/organisations", admin).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/forbidden");
		post("/api/admin/organisations/" + tenant.id() + "/approve", this.tokens.coordinator(tenant.id()))
			.expectStatus()
			.isForbidden();
	}

	@Test
	void approvingAnUnknownOrganisation_answers404() {
		String operator = this.tokens.operator(this.tenants.operator().id());
		post("/api/admin/organisations/" + UUID.randomUUID() + "/approve", operator).expectStatus().isNotFound();
	}

	@Test
	void apply_withATakenSlug_answers409_andStoresNothing() {
		Tenant existing = this.tenants.approved();
		String slug = this.database.sql("select slug from organisation where id = :id")
			.bind("id", existing.id())
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
		String adminEmail = "admin-" + UUID.randomUUID() + "@example.org";
		Map<String, Object> application = application("Noch ein Verein", adminEmail);
		application.put("slug", slug);
		apply(application).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/slug-taken");
		assertThat(organisationIdOf(adminEmail)).isNull();
	}

	@Test
	void apply_withoutSlug_picksAFreeOneFromTheName() {
		String name = "Verein " + UUID.randomUUID().toString().substring(0, 8);
		apply(application(name, "a-" + UUID.randomUUID() + "@example.org")).expectStatus().isCreated();
		apply(application(name, "b-" + UUID.randomUUID() + "@example.org")).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo(Slugs.fromName(name) + "-2");
	}

	@Test
	void apply_withAnEmailInUse_answers409() {
		Tenant existing = this.tenants.approved();
		apply(application("Doppelt gemoppelt", existing.admin().email())).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/email-taken");
	}

	@Test
	void apply_withBadInput_namesEveryField() {
		Map<String, Object> application = application("X", "not-an-email");
		application.put("places", List.of("atlantis"));
		application.put("admin", Map.of("email", "not-an-email", "password", "short"));
		application.put("website", "ftp://example.org");
		apply(application).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("admin.email", "admin.password", "name", "website"));
	}

	@Test
	void apply_withAnUnknownPlace_namesIt() {
		Map<String, Object> application = application("Ortlos e.V.", "o-" + UUID.randomUUID() + "@example.org");
		application.put("places", List.of("rosdorf", "atlantis"));
		apply(application).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("places")
			.jsonPath("$.errors[0].reason")
			.isEqualTo("has unknown places: atlantis");
	}

	@Test
	void apply_withACommonPassword_isRefused() {
		Map<String, Object> application = application("Schwach e.V.", "s-" + UUID.randomUUID() + "@example.org");
		application.put("admin",
				Map.of("email", "s-" + UUID.randomUUID() + "@example.org", "password", "Passwort1234"));
		apply(application).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("admin.password");
	}

	@Test
	void apply_withAnUnknownField_isRejected() {
		Map<String, Object> application = application("Neugierig e.V.", "n-" + UUID.randomUUID() + "@example.org");
		application.put("status", "APPROVED");
		apply(application).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Unknown field 'status'.");
	}

	private Map<String, Object> application(String name, String adminEmail) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("name", name);
		application.put("description", "Hilft in Rosdorf.");
		application.put("contactEmail", "kontakt@example.org");
		application.put("website", "https://example.org");
		application.put("places", List.of("rosdorf"));
		application.put("admin", Map.of("email", adminEmail, "password", PASSWORD));
		return application;
	}

	private String organisationIdOf(String adminEmail) {
		return this.database.sql("select organisation_id::text from member where email = :email")
			.bind("email", adminEmail.toLowerCase())
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private List<String> statusChanges(String organisationId) {
		return this.database
			.sql("select status from organisation_status_change where organisation_id = :id::uuid order by id")
			.bind("id", organisationId)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private WebTestClient.ResponseSpec apply(Map<String, Object> application) {
		return this.client.post()
			.uri("/api/organisations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(application)
			.exchange();
	}

	private String accessToken(String email, String password) {
		return (String) this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token");
	}

	private WebTestClient.ResponseSpec get(String uri, String token) {
		return this.client.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec post(String uri, String token) {
		return this.client.post().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec patch(String uri, String token, Object body) {
		return this.client.patch()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
