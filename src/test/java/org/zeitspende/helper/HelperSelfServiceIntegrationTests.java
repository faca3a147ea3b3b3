package org.zeitspende.helper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HelperSelfServiceIntegrationTests {

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

	@Autowired
	UnverifiedPurge purge;

	@Test
	void signInLink_givesATokenThatShowsTheOwnProfile() {
		String email = registeredAndVerified();
		String token = signIn(email);
		this.client.get()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.emailVerified")
			.isEqualTo(true)
			.jsonPath("$.places")
			.value((List<String> places) -> assertThat(places).containsExactly("goettingen", "goettingen-grone"))
			.jsonPath("$.skills[0]")
			.isEqualTo("führerschein-klasse-b")
			.jsonPath("$.consents[?(@.channel == 'EMAIL' && @.purpose == 'CALLOUTS')].state")
			.isEqualTo("CONFIRMED");
	}

	@Test
	void signInLink_worksOnce() {
		String email = registeredAndVerified();
		String linkToken = requestSignInLink(email);
		session(linkToken).expectStatus().isOk();
		session(linkToken).expectStatus().isNotFound();
	}

	@Test
	void signInLink_forAnUnverifiedNumber_isNeverSent() {
		String email = HelperRegistrationIntegrationTests.uniqueEmail();
		String mobile = "+49151" + (10_000_000 + (int) (Math.random() * 89_999_999));
		register(Helpers.registration(email, mobile));
		verifyFirstLink(email);
		this.client.post()
			.uri("/api/helpers/sign-in-link")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("mobile", mobile))
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(count("select count(*) from helper_token t join helper h on h.id = t.helper_id "
				+ "where h.email = :v and t.purpose = 'SIGN_IN'", email))
			.isZero();
	}

	@Test
	void preferences_canBeChangedAndAreCheckedLikeARegistration() {
		String token = signIn(registeredAndVerified());
		Map<String, Object> preferences = Helpers.registration(null, null);
		List.of("email", "mobile", "consents", "consentTextVersion").forEach(preferences::remove);
		preferences.put("places", List.of("duderstadt"));
		put(token, "/api/me/preferences", preferences).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.places[0]")
			.isEqualTo("duderstadt");
		preferences.put("activities", List.of("zaubern"));
		put(token, "/api/me/preferences", preferences).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("activities[0]");
	}

	@Test
	void pauseAndConsents_areRecorded() {
		String email = registeredAndVerified();
		String token = signIn(email);
		OffsetDateTime until = OffsetDateTime.now().plusDays(14);
		put(token, "/api/me/pause", Map.of("until", until.toString())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pausedUntil")
			.exists();
		this.client.delete()
			.uri("/api/me/consents/EMAIL/NEWS")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consents[?(@.purpose == 'NEWS')].state")
			.isEqualTo("WITHDRAWN");
		assertThat(count("select count(*) from consent_event e join helper h on h.id = e.helper_id "
				+ "where h.email = :v and e.purpose = 'NEWS'", email))
			.as("granted, confirmed, withdrawn: the ledger keeps every step")
			.isEqualTo(3);
	}

	@Test
	void export_containsAllAndOnlyTheOwnData() {
		String other = registeredAndVerified();
		String email = registeredAndVerified();
		String token = signIn(email);
		String export = this.client.get()
			.uri("/api/me/export")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment.*")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(export)
			.contains(email, "goettingen-grone", "dolmetschen", "führerschein-klasse-b", "CALLOUTS", "2025-12-01",
					"SIGN_IN")
			.doesNotContain(other)
			.doesNotContain("token_hash")
			.doesNotContain("code_hash");
	}

	@Test
	void erasure_leavesNeitherEmailNorNumberAnywhereInTheDatabase() {
		String email = HelperRegistrationIntegrationTests.uniqueEmail();
		String mobile = HelperSmsIntegrationTests.uniqueMobile();
		register(Helpers.registration(email, mobile));
		verifyFirstLink(email);
		UUID id = helperId(email);
		assertThat(tablesAndColumnsContaining(mobile)).containsExactly("helper.mobile");
		String token = signIn(email);
		this.client.delete()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNoContent();

		assertThat(tablesAndColumnsContaining(email)).isEmpty();
		assertThat(tablesAndColumnsContaining(mobile)).isEmpty();
		assertThat(count("select count(*) from helper where id = :v and erased_at is not null", id)).isOne();
		assertThat(this.redis.opsForZSet().score("rotation", id.toString()).block(Duration.ofSeconds(5))).isNull();
		this.client.get()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void oneClickUnsubscribe_withdrawsEveryConsentOnThatChannel() throws Exception {
		String email = registeredAndVerified();
		MimeMessage verification = Mailbox.receivedBy(smtp, email);
		String unsubscribe = verification.getHeader("List-Unsubscribe", null);
		String path = unsubscribe.substring(unsubscribe.indexOf("/api/unsubscribe/"), unsubscribe.length() - 1);
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UNSUBSCRIBED");
		assertThat(count("select count(*) from consent_state s join helper h on h.id = s.helper_id "
				+ "where h.email = :v and s.action <> 'WITHDRAWN'", email))
			.isZero();
	}

	@Test
	void purge_deletesWhatWasNeverVerifiedAndKeepsTheRest() {
		String unverified = HelperRegistrationIntegrationTests.uniqueEmail();
		register(Helpers.registration(unverified, null));
		String verified = registeredAndVerified();

		UnverifiedPurge.Purged purged = this.purge.purge(OffsetDateTime.now().plusMinutes(1))
			.block(Duration.ofSeconds(10));

		assertThat(purged.helpers()).isPositive();
		assertThat(count("select count(*) from helper where email = :v", unverified)).isZero();
		assertThat(count("select count(*) from helper where email = :v", verified)).isOne();
	}

	private String registeredAndVerified() {
		String email = HelperRegistrationIntegrationTests.uniqueEmail();
		register(Helpers.registration(email, null));
		verifyFirstLink(email);
		return email;
	}

	private void verifyFirstLink(String email) {
		String token = Mailbox.linkToken(Mailbox.receivedBy(smtp, email), "/h/verify/");
		this.client.post()
			.uri("/api/helpers/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", token))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String signIn(String email) {
		return session(requestSignInLink(email)).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token")
			.toString();
	}

	private String requestSignInLink(String email) {
		int before = Mailbox.allReceivedBy(smtp, email, 1).size();
		this.client.post()
			.uri("/api/helpers/sign-in-link")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email))
			.exchange()
			.expectStatus()
			.isAccepted();
		List<MimeMessage> messages = Mailbox.allReceivedBy(smtp, email, before + 1);
		return Mailbox.linkToken(messages.get(messages.size() - 1), "/h/sign-in/");
	}

	private WebTestClient.ResponseSpec session(String linkToken) {
		return this.client.post()
			.uri("/api/helpers/session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", linkToken))
			.exchange();
	}

	private void register(Map<String, Object> registration) {
		this.client.post()
			.uri("/api/helpers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	private WebTestClient.ResponseSpec put(String token, String path, Object body) {
		return this.client.put()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private UUID helperId(String email) {
		return this.database.sql("select id from helper where email = :v")
			.bind("v", email)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(Duration.ofSeconds(5));
	}

	private long count(String sql, Object value) {
		return this.database.sql(sql)
			.bind("v", value)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(5));
	}

	// Every text column of every table, searched for the value.
	private List<String> tablesAndColumnsContaining(String value) {
		return this.database.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and data_type in ('text', 'character varying', 'character')
				  and table_name in (select table_name from information_schema.tables
				                     where table_schema = 'public' and table_type = 'BASE TABLE')""")
			.map((row) -> row.get("table_name", String.class) + "." + row.get("column_name", String.class))
			.all()
			.filterWhen((column) -> {
				String[] parts = column.split("\\.");
				return this.database
					.sql("select count(*) from " + parts[0] + " where " + parts[1] + " like '%' || :v || '%'")
					.bind("v", value)
					.map((row) -> row.get(0, Long.class) > 0)
					.one();
			})
			.collectList()
			.block(Duration.ofSeconds(30));
	}

}
