package org.zeitspende.organisation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
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
class MembersIntegrationTests {

	private static final String FIRST_PASSWORD = "erstes Passwort 2026";

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
	void admin_addsAMember_whoCanSignInWithTheFirstPassword() {
		Tenant tenant = this.tenants.approved();
		String email = "neu-" + UUID.randomUUID() + "@example.org";
		exchange("POST", "/api/organisation/members", adminOf(tenant),
				Map.of("email", email.toUpperCase(), "password", FIRST_PASSWORD, "role", "COORDINATOR"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.role")
			.isEqualTo("COORDINATOR");

		this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", FIRST_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void memberResponses_neverContainPasswordsOrHashes() {
		Tenant tenant = this.tenants.approved();
		String admin = adminOf(tenant);
		String added = exchange("POST", "/api/organisation/members", admin,
				Map.of("email", "n-" + UUID.randomUUID() + "@example.org", "password", FIRST_PASSWORD, "role", "ADMIN"))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String list = exchange("GET", "/api/organisation/members", admin, null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String changed = exchange("PATCH", "/api/organisation/members/" + tenant.coordinator().id(), admin,
				Map.of("password", "ein neues Passwort 42"))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(list).contains(tenant.coordinator().email());
		for (String body : new String[] { added, list, changed }) {
			assertThat(body.toLowerCase()).doesNotContain("password", "hash", "$2a$", "$2b$", "$2y$",
					FIRST_PASSWORD.toLowerCase());
		}
	}

	@Test
	void admin_changesARole_andLiftsALockout() {
		Tenant tenant = this.tenants.approved();
		this.database.sql("update member set locked_until = now() + interval '1 hour' where id = :id")
			.bind("id", tenant.coordinator().id())
			.then()
			.block(Duration.ofSeconds(5));
		String path = "/api/organisation/members/" + tenant.coordinator().id();
		exchange("GET", "/api/organisation/members", adminOf(tenant), null).expectBody()
			.jsonPath("$[?(@.id == '" + tenant.coordinator().id() + "')].lockedUntil")
			.isNotEmpty();

		exchange("PATCH", path, adminOf(tenant), Map.of("role", "ADMIN", "unlock", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("ADMIN")
			.jsonPath("$.lockedUntil")
			.doesNotExist();
	}

	@Test
	void theLastAdmin_cannotBeDemotedOrRemoved() {
		Tenant tenant = this.tenants.approved();
		String path = "/api/organisation/members/" + tenant.admin().id();
		exchange("PATCH", path, adminOf(tenant), Map.of("role", "COORDINATOR")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/last-admin");
		exchange("DELETE", path, adminOf(tenant), null).expectStatus().isEqualTo(409);

		exchange("PATCH", "/api/organisation/members/" + tenant.coordinator().id(), adminOf(tenant),
				Map.of("role", "ADMIN"))
			.expectStatus()
			.isOk();
		exchange("DELETE", path, adminOf(tenant), null).expectStatus().isNoContent();
		exchange("GET", "/api/organisation/members", adminOf(tenant), null).expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void addingAMemberWithAnEmailInUse_answers409() {
		Tenant tenant = this.tenants.approved();
		Tenant other = this.tenants.approved();
		exchange("POST", "/api/organisation/members", adminOf(tenant),
				Map.of("email", other.coordinator().email(), "password", FIRST_PASSWORD, "role", "ADMIN"))
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void anotherOrganisationsMember_isNotFound_andStaysAsItWas() {
		Tenant tenant = this.tenants.approved();
		Tenant other = this.tenants.approved();
		exchange("DELETE", "/api/organisation/members/" + other.coordinator().id(), adminOf(tenant), null)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/member-not-found");
		exchange("GET", "/api/organisation/members", adminOf(other), null).expectBody()
			.jsonPath("$[?(@.id == '" + other.coordinator().id() + "')].role")
			.isEqualTo("COORDINATOR");
	}

	@Test
	void coordinators_seeTheirOrganisation_butNotItsMembers() {
		Tenant tenant = this.tenants.approved();
		String coordinator = this.tokens.member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);
		exchange("GET", "/api/organisation", coordinator, null).expectStatus().isOk();
		exchange("PATCH", "/api/organisation", coordinator, Map.of("name", "Umbenannt")).expectStatus().isForbidden();
		exchange("GET", "/api/organisation/members", coordinator, null).expectStatus().isForbidden();
	}

	@Test
	void admin_changesTheProfile_andRemovesTheWebsite() {
		Tenant tenant = this.tenants.approved();
		exchange("PATCH", "/api/organisation", adminOf(tenant),
				Map.of("name", "  Neuer Name  ", "website", "", "places", List.of("bovenden", "rosdorf")))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Neuer Name")
			.jsonPath("$.website")
			.doesNotExist()
			.jsonPath("$.places")
			.isEqualTo(List.of("bovenden", "rosdorf"));
	}

	@Test
	void admin_setsAnHttpsLogo_thatThePublicPageShows_andRemovesIt() {
		Tenant tenant = this.tenants.approved();
		String logo = "https://cdn.example.org/logos/tafel.png";
		exchange("PATCH", "/api/organisation", adminOf(tenant), Map.of("logoUrl", logo)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.logoUrl")
			.isEqualTo(logo);
		this.client.get()
			.uri("/api/public/organisations/" + tenant.id())
			.exchange()
			.expectBody()
			.jsonPath("$.logoUrl")
			.isEqualTo(logo);
		exchange("PATCH", "/api/organisation", adminOf(tenant), Map.of("logoUrl", "")).expectBody()
			.jsonPath("$.logoUrl")
			.doesNotExist();
	}

	@Test
	void logo_thatIsNotAnHttpsAddressWithAHost_isRefusedNamingTheField() {
		Tenant tenant = this.tenants.approved();
		for (String logo : List.of("http://example.org/logo.png", "https:///logo.png", "javascript:alert(1)",
				"https://example.org/" + "a".repeat(500))) {
			exchange("PATCH", "/api/organisation", adminOf(tenant), Map.of("logoUrl", logo)).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[*].field")
				.isEqualTo(List.of("logoUrl"));
		}
	}

	private String adminOf(Tenant tenant) {
		return this.tokens.member(tenant.admin().id(), tenant.id(), Role.ADMIN);
	}

	private WebTestClient.ResponseSpec exchange(String method, String uri, String token, Object body) {
		WebTestClient.RequestBodySpec request = this.client.method(HttpMethod.valueOf(method))
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token));
		return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: request.exchange();
	}

}
