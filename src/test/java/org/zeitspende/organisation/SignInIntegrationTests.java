package org.zeitspende.organisation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class SignInIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	Tenants tenants;

	@BeforeEach
	void setUp() {
		this.tenants = new Tenants(this.database);
	}

	@Test
	void signIn_withTheRightPassword_issuesABearerTokenThatOpensTheOrganisation() {
		Tenant tenant = this.tenants.approved();
		Map<String, Object> token = signIn(tenant.admin().email(), Tenants.PASSWORD).expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(token).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
		assertThat((String) token.get("access_token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

		this.client.get()
			.uri("/api/organisation")
			.headers((headers) -> headers.setBearerAuth((String) token.get("access_token")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(tenant.id().toString());
	}

	@Test
	void signIn_withAnotherMethod_isTold405AndToPost() {
		this.client.get()
			.uri("/api/auth/token")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void signIn_isCaseInsensitiveAboutTheEmail() {
		Tenant tenant = this.tenants.approved();
		signIn("  " + tenant.coordinator().email().toUpperCase() + " ", Tenants.PASSWORD).expectStatus().isOk();
	}

	@Test
	void signIn_recordsTheLastLogin() {
		Tenant tenant = this.tenants.approved();
		signIn(tenant.admin().email(), Tenants.PASSWORD).expectStatus().isOk();
		Boolean recorded = this.database.sql("select last_login_at is not null from member where id = :id")
			.bind("id", tenant.admin().id())
			.map((row) -> row.get(0, Boolean.class))
			.one()
			.block(Duration.ofSeconds(5));
		assertThat(recorded).isTrue();
	}

	@Test
	void wrongPassword_unknownEmail_andLockedAccount_getTheSameAnswer() {
		Tenant tenant = this.tenants.approved();
		String wrongPassword = problemBody(signIn(tenant.admin().email(), "not the password at all"));
		String unknownEmail = problemBody(signIn("nobody-" + tenant.id() + "@test.example.org", Tenants.PASSWORD));
		for (int attempt = 0; attempt < 5; attempt++) {
			signIn(tenant.coordinator().email(), "wrong password " + attempt).expectStatus().isUnauthorized();
		}
		String locked = problemBody(signIn(tenant.coordinator().email(), Tenants.PASSWORD));

		assertThat(wrongPassword).contains("\"type\":\"https://zeitspende.org/problems/invalid-credentials\"")
			.isEqualTo(unknownEmail)
			.isEqualTo(locked);
	}

	@Test
	void fiveWrongPasswords_lockTheAccount_untilTheLockoutEnds() {
		Tenant tenant = this.tenants.approved();
		String email = tenant.admin().email();
		for (int attempt = 0; attempt < 4; attempt++) {
			signIn(email, "wrong password " + attempt).expectStatus().isUnauthorized();
		}
		signIn(email, Tenants.PASSWORD).expectStatus().isOk();
		for (int attempt = 0; attempt < 5; attempt++) {
			signIn(email, "wrong password " + attempt).expectStatus().isUnauthorized();
		}

		signIn(email, Tenants.PASSWORD).expectStatus().isUnauthorized();
		// The test configuration locks for 2 seconds instead of 15 minutes.
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> signIn(email, Tenants.PASSWORD).returnResult(String.class).getStatus() == HttpStatus.OK);
	}

	@Test
	void membersOfASuspendedOrganisation_cannotSignIn() {
		Tenant tenant = this.tenants.create("SUSPENDED");
		signIn(tenant.admin().email(), Tenants.PASSWORD).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/organisation-suspended");
	}

	@Test
	void membersOfAPendingOrganisation_canSignIn() {
		Tenant tenant = this.tenants.create("PENDING");
		signIn(tenant.admin().email(), Tenants.PASSWORD).expectStatus().isOk();
	}

	@Test
	void operators_canSignIn() {
		signIn(this.tenants.operator().email(), Tenants.PASSWORD).expectStatus().isOk();
	}

	@Test
	void signIn_withoutPassword_namesTheField() {
		this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\": \"someone@example.org\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password");
	}

	@Test
	void changePassword_withTheCurrentOne_replacesIt() {
		Tenant tenant = this.tenants.approved();
		String token = accessToken(tenant.coordinator().email(), Tenants.PASSWORD);
		String newPassword = "a much better passphrase";

		changePassword(token, Tenants.PASSWORD, newPassword).expectStatus().isNoContent();

		signIn(tenant.coordinator().email(), Tenants.PASSWORD).expectStatus().isUnauthorized();
		signIn(tenant.coordinator().email(), newPassword).expectStatus().isOk();
	}

	@Test
	void changePassword_withAWrongCurrentOne_isRefused() {
		Tenant tenant = this.tenants.approved();
		String token = accessToken(tenant.admin().email(), Tenants.PASSWORD);
		changePassword(token, "not my password", "a much better passphrase").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("currentPassword");
		signIn(tenant.admin().email(), Tenants.PASSWORD).expectStatus().isOk();
	}

	@Test
	void changePassword_toAWeakOne_namesTheReason() {
		Tenant tenant = this.tenants.approved();
		String token = accessToken(tenant.admin().email(), Tenants.PASSWORD);
		changePassword(token, Tenants.PASSWORD, "password1234").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("newPassword")
			.jsonPath("$.errors[0].reason")
			.isEqualTo("is too common; choose one that is harder to guess");
	}

	private WebTestClient.ResponseSpec changePassword(String token, String current, String next) {
		return this.client.post()
			.uri("/api/me/password")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", current, "newPassword", next))
			.exchange();
	}

	private String accessToken(String email, String password) {
		return (String) signIn(email, password).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token");
	}

	private WebTestClient.ResponseSpec signIn(String email, String password) {
		return this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", password))
			.exchange();
	}

	private static String problemBody(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
