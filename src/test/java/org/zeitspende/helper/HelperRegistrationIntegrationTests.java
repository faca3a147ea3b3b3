package org.zeitspende.helper;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HelperRegistrationIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = Mailbox.smtpServer();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Test
	void register_withEmail_sendsOneVerificationLinkThere() throws Exception {
		String email = uniqueEmail();
		register(Helpers.registration(email, null)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VERIFICATION_SENT")
			.jsonPath("$.channels[0]")
			.isEqualTo("EMAIL");
		MimeMessage message = Mailbox.receivedBy(smtp, email);
		assertThat(Mailbox.text(message)).contains("/h/verify/");
		assertThat(message.getHeader("List-Unsubscribe")[0]).contains("/api/unsubscribe/");
		assertThat(Mailbox.text(message)).contains("/h/unsubscribe/");
		assertThat(row("select email_verified_at is null as unverified from helper where email = :v", email))
			.containsEntry("unverified", true);
	}

	@Test
	void verificationLink_verifiesTheEmailConfirmsConsentAndJoinsTheRotation() throws Exception {
		String email = uniqueEmail();
		register(Helpers.registration(email, null)).expectStatus().isAccepted();
		String token = Mailbox.linkToken(Mailbox.receivedBy(smtp, email), "/h/verify/");

		verify(token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VERIFIED")
			.jsonPath("$.channel")
			.isEqualTo("EMAIL");

		UUID id = helperId(email);
		assertThat(row("select email_verified_at is not null as verified from helper where id = :v", id))
			.containsEntry("verified", true);
		assertThat(row("select action from consent_state where helper_id = :v and channel = 'EMAIL' "
				+ "and purpose = 'CALLOUTS'", id))
			.containsEntry("action", "CONFIRMED");
		assertThat(this.redis.opsForZSet().score("rotation", id.toString()).block(Duration.ofSeconds(5))).isNotNull();
	}

	@Test
	void verificationLink_usedTwice_isInvalidTheSecondTime() throws Exception {
		String email = uniqueEmail();
		register(Helpers.registration(email, null)).expectStatus().isAccepted();
		String token = Mailbox.linkToken(Mailbox.receivedBy(smtp, email), "/h/verify/");
		verify(token).expectStatus().isOk();
		verify(token).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-token");
	}

	@Test
	void verificationPage_getChangesNothing_postVerifies() throws Exception {
		String email = uniqueEmail();
		register(Helpers.registration(email, null)).expectStatus().isAccepted();
		String token = Mailbox.linkToken(Mailbox.receivedBy(smtp, email), "/h/verify/");

		this.client.get()
			.uri("/h/verify/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<form method=\"post\"", "lang=\"de\"", "Bestätigen"));
		this.client.get()
			.uri("/h/verify/" + token)
			.header("Accept-Language", "en-GB,en;q=0.8")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"en\"", "Confirm your contact"));
		assertThat(row("select email_verified_at is null as unverified from helper where email = :v", email))
			.containsEntry("unverified", true);

		this.client.post()
			.uri("/h/verify/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Bestätigt"));
		assertThat(row("select email_verified_at is null as unverified from helper where email = :v", email))
			.containsEntry("unverified", false);
		this.client.get()
			.uri("/h/verify/" + token)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Link ungültig").doesNotContain("<form method=\"post\""));
	}

	@Test
	void registeringAKnownEmailAgain_createsNothingAndRemindsTheOwner() throws Exception {
		String email = uniqueEmail();
		register(Helpers.registration(email, null)).expectStatus().isAccepted();
		String token = Mailbox.linkToken(Mailbox.receivedBy(smtp, email), "/h/verify/");
		verify(token).expectStatus().isOk();

		register(Helpers.registration(email, null)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VERIFICATION_SENT");

		assertThat(row("select count(*) as helpers from helper where email = :v", email)).containsEntry("helpers", 1L);
		List<MimeMessage> messages = Mailbox.allReceivedBy(smtp, email, 2);
		assertThat(Mailbox.text(messages.get(1))).contains("/h/sign-in/");
	}

	@Test
	void register_withUnknownCodesAndNoContact_listsEveryInvalidField() {
		Map<String, Object> registration = Helpers.registration(null, null);
		registration.put("places", List.of("atlantis"));
		registration.put("consents", List.of("NEWS"));
		register(registration).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-request")
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).contains("email", "places[0]", "consents"));
	}

	@Test
	void register_withMissingFieldsAndNoContact_namesTheContactAndConsentWithThem() {
		Map<String, Object> registration = Helpers.registration(null, null);
		registration.remove("activities");
		registration.put("hoursPerWeek", 99);
		registration.put("consents", List.of("NEWS"));
		registration.put("consentTextVersion", "1999-01-01");
		register(registration).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactlyInAnyOrder("activities", "hoursPerWeek",
					"email", "consents", "consentTextVersion"));
	}

	@Test
	void register_withABlankEntryInAList_namesItByIndex() {
		Map<String, Object> registration = Helpers.registration(uniqueEmail(), null);
		registration.put("places", List.of("goettingen", ""));
		registration.put("quietHours", Map.of("from", "25:00", "until", "07:00"));
		register(registration).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactly("places[1]", "quietHours.from"));
	}

	@Test
	void register_withANullConsent_isAMalformedBody() {
		Map<String, Object> registration = Helpers.registration(uniqueEmail(), null);
		registration.put("consents", Arrays.asList("CALLOUTS", null));
		register(registration).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Field 'consents[1]' has the wrong type or format.");
	}

	@Test
	void register_withALandlineNumber_namesTheMobileField() {
		register(Helpers.registration(null, "0551 4000")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("mobile")
			.jsonPath("$.errors[0].reason")
			.isEqualTo("is not a valid mobile number");
	}

	@Test
	void register_withAnOutdatedConsentText_isRejected() {
		Map<String, Object> registration = Helpers.registration(uniqueEmail(), null);
		registration.put("consentTextVersion", "1999-01-01");
		register(registration).expectStatus()
			.isEqualTo(HttpStatus.BAD_REQUEST)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("consentTextVersion");
	}

	private WebTestClient.ResponseSpec register(Map<String, Object> registration) {
		return this.client.post()
			.uri("/api/helpers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange();
	}

	private WebTestClient.ResponseSpec verify(String token) {
		return this.client.post()
			.uri("/api/helpers/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", token))
			.exchange();
	}

	private UUID helperId(String email) {
		return (UUID) row("select id from helper where email = :v", email).get("id");
	}

	private Map<String, Object> row(String sql, Object value) {
		return this.database.sql(sql).bind("v", value).fetch().one().block(Duration.ofSeconds(5));
	}

	static String uniqueEmail() {
		return "helper-" + UUID.randomUUID() + "@example.org";
	}

}
