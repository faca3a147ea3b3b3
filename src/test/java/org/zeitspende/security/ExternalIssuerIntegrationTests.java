package org.zeitspende.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

/**
 * Tokens of an external OpenID Connect issuer (a county's Keycloak realm, here a stub on
 * a loopback port) are accepted next to our own, scoped to the organisation in their
 * claims.
 */
@IntegrationTest
class ExternalIssuerIntegrationTests {

	static final CountyIssuer COUNTY = new CountyIssuer();

	@DynamicPropertySource
	static void county(DynamicPropertyRegistry registry) {
		registry.add("zeitspende.auth.oidc.issuer-uri", COUNTY::issuer);
		registry.add("zeitspende.auth.oidc.jwk-set-uri", COUNTY::jwkSetUri);
		registry.add("zeitspende.auth.oidc.audience", () -> CountyIssuer.AUDIENCE);
		registry.add("zeitspende.auth.oidc.organisation-claim", () -> "zeitspende_org");
		registry.add("zeitspende.auth.oidc.roles-claim", () -> "realm_access.roles");
	}

	@AfterAll
	static void stopCounty() {
		COUNTY.close();
	}

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	Tenants tenants;

	Tokens county;

	@BeforeEach
	void setUp() {
		this.tenants = new Tenants(this.database);
		this.county = COUNTY.tokens();
	}

	@Test
	void countyAdmin_seesTheOrganisationInTheToken_andItsMembersOnly() {
		Tenant tenant = this.tenants.approved();
		Tenant other = this.tenants.approved();
		String token = countyToken(tenant.id(), "zeitspende-user", "Admin").sign();

		get("/api/organisation", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(tenant.id().toString());
		get("/api/organisation/members", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(tenant.admin().id().toString(), tenant.coordinator().id().toString()));
		this.client.delete()
			.uri("/api/organisation/members/" + other.coordinator().id())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void countyCoordinator_isNoAdmin() {
		Tenant tenant = this.tenants.approved();
		String token = countyToken(tenant.id(), "coordinator").sign();
		get("/api/organisation", token).expectStatus().isOk();
		get("/api/organisation/members", token).expectStatus().isForbidden();
	}

	@Test
	void countyToken_forTheWrongAudience_isRejected() {
		Tenant tenant = this.tenants.approved();
		get("/api/organisation", countyToken(tenant.id(), "admin").audience("account").sign()).expectStatus()
			.isUnauthorized();
	}

	@Test
	void countyToken_signedWithAnotherKey_isRejected() {
		Tenant tenant = this.tenants.approved();
		get("/api/organisation", countyToken(tenant.id(), "admin").signedWith(Tokens.newKey("county-key")).sign())
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void countyToken_withoutOrganisation_grantsNoOrganisationRole() {
		get("/api/organisation", this.county.token().claim("realm_access", Map.of("roles", List.of("admin"))).sign())
			.expectStatus()
			.isForbidden();
	}

	@Test
	void countyToken_cannotMakeHelpers() {
		Tenant tenant = this.tenants.approved();
		get("/api/me/profile", countyToken(tenant.id(), "helper").sign()).expectStatus().isForbidden();
	}

	@Test
	void ownTokens_stillWork_nextToTheCountysOnes() {
		Tenant tenant = this.tenants.approved();
		get("/api/organisation", Tokens.of(this.environment).admin(tenant.id())).expectStatus().isOk();
	}

	private Tokens.Builder countyToken(UUID organisationId, String... roles) {
		return this.county.token()
			.claim("sub", "f:county:" + UUID.randomUUID())
			.claim("zeitspende_org", organisationId.toString())
			.claim("realm_access", Map.of("roles", List.of(roles)));
	}

	private WebTestClient.ResponseSpec get(String uri, String token) {
		return this.client.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
