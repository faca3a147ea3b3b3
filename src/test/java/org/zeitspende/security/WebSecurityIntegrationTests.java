package org.zeitspende.security;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WebSecurityIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@LocalServerPort
	int port;

	@Test
	void personalData_isNeverCached_andCarriesTheSecurityHeaders() {
		Tenant tenant = new Tenants(this.database).approved();
		this.client.get()
			.uri("/api/organisation/members")
			.headers((headers) -> headers.setBearerAuth(Tokens.of(this.environment).admin(tenant.id())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).contains("no-store"))
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void referenceData_keepsItsOwnCacheControl() {
		this.client.get()
			.uri("/api/activities")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

	@Test
	void errors_carryTheSecurityHeadersToo() {
		this.client.get()
			.uri("/api/organisation")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void requestsTheFirewallRefuses_getAProblemThatEchoesNothing() {
		// Each encoded in the path: %2F, %00, %5C.
		for (String token : List.of("a/b", "a\u0000b", "a\\b")) {
			this.client.get()
				.uri("/api/asks/{token}", token)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://zeitspende.org/problems/request-refused")
				.jsonPath("$.instance")
				.doesNotExist();
		}
	}

	@Test
	void addressesThatAreNoUri_getAProblemThatEchoesNothing() throws IOException {
		for (String address : List.of("/?lang=%ZZ", "/api/asks/%ZZ/accept", "/c/abc%2", "/api/asks/a%G1b", "/c/a[1]")) {
			String response = rawGet(address);

			assertThat(response).as(address)
				.startsWith("HTTP/1.1 400 ")
				.containsIgnoringCase("content-type: application/problem+json")
				.contains("\"type\":\"https://zeitspende.org/problems/request-refused\"")
				.doesNotContain("%G1", "%ZZ", "%2", "a[1]");
		}
	}

	@Test
	void wellFormedPercentEscapes_passAsBefore() throws IOException {
		// %65%6E is "en".
		assertThat(rawGet("/?lang=%65%6E")).startsWith("HTTP/1.1 200 ").contains("<html lang=\"en\"");
	}

	// As sent by a client that does not check the address; no HTTP client here sends one.
	private String rawGet(String address) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + address + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void api_needsNoCsrfToken_andSetsNoSessionCookie() {
		this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "whatever it is"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void webhooks_needNoCsrfToken() {
		this.client.post().uri("/hooks/nothing-here").exchange().expectStatus().isNotFound();
	}

	@Test
	void pagesOutsideTheApi_keepCsrfProtection_andSayWhatToDo() {
		this.client.post()
			.uri("/console/some-page")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("answer=yes")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy", (policy) -> assertThat(policy).startsWith("default-src 'none'"))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<h1>Formular abgelaufen</h1>", "Seite neu"));
		this.client.post()
			.uri("/h/me/pause?lang=en")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("_csrf=stale")
			.cookie("XSRF-TOKEN", "other")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"en\"", "Form expired"));
	}

	@Test
	void noBasicAuthentication_andNoGeneratedLoginOrLogoutPages() {
		this.client.get()
			.uri("/api/organisation")
			.headers((headers) -> headers.setBasicAuth("user", "password"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		// The console's own sign-in page, not one that Spring Security generates; signing
		// out is a POST with a CSRF token only.
		this.client.get()
			.uri("/login")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("name=\"_csrf\"").doesNotContain("Please sign in"));
		this.client.get().uri("/logout").exchange().expectStatus().isEqualTo(405);
		this.client.post().uri("/logout").exchange().expectStatus().isForbidden();
	}

	@Test
	void tokensInTheQueryString_areIgnored() {
		Tenant tenant = new Tenants(this.database).approved();
		this.client.get()
			.uri("/api/organisation?access_token=" + Tokens.of(this.environment).admin(tenant.id()))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void apiDocument_describesTheBearerToken_andHidesTheCaller() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.securitySchemes.bearer-token.scheme")
			.isEqualTo("bearer")
			.jsonPath("$.paths['/api/organisation'].get.parameters")
			.doesNotExist();
	}

	@Test
	void publicEndpoints_ignoreAStaleToken() {
		String expired = expiredHelperToken();
		this.client.get()
			.uri("/api/places")
			.headers((headers) -> headers.setBearerAuth(expired))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/api/auth/token")
			.headers((headers) -> headers.setBearerAuth(expired))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "whatever it is"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-credentials");
	}

	@Test
	void askLinks_ignoreTokensAndCookies_setNoCookie_andKeepTheSecurityHeaders() {
		String expired = expiredHelperToken();
		String unknown = "A".repeat(22);
		for (WebTestClient.ResponseSpec link : new WebTestClient.ResponseSpec[] {
				this.client.post()
					.uri("/api/asks/{token}/accept", unknown)
					.headers((headers) -> headers.setBearerAuth(expired))
					.exchange(),
				this.client.post()
					.uri("/c/{token}", unknown)
					.cookie(SessionCookie.NAME, expired)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.bodyValue("answer=yes")
					.exchange() }) {
			// 404 for an unknown link, not 401 for the stale token nor 403 for a missing
			// CSRF token: the token in the path is the only credential.
			link.expectStatus()
				.isNotFound()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.doesNotExist(HttpHeaders.SET_COOKIE);
		}
	}

	@Test
	void publicEndpoints_needNoToken() {
		for (String path : new String[] { "/api/places", "/api/languages", "/livez", "/readyz", "/actuator/info",
				"/v3/api-docs" }) {
			this.client.get().uri(path).exchange().expectStatus().isOk();
		}
	}

	private String expiredHelperToken() {
		return Tokens.of(this.environment)
			.token()
			.roles(Role.HELPER)
			.expiresAt(Instant.now().minus(Duration.ofHours(1)))
			.sign();
	}

}
