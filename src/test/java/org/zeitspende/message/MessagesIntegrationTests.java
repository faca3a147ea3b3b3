package org.zeitspende.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.zeitspende.security.Role;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Mailbox;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Threads are seen only by their organisations and their helper; a helper is reached only
 * through a relation to the organisation; messages to helpers go out by email once, if
 * the helper agreed.
 */
@IntegrationTest
class MessagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final GreenMailExtension SMTP = Mailbox.smtpServer();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Autowired
	MessageEmailRelay relay;

	Tokens tokens;

	Tenant a;

	Tenant b;

	String memberOfA;

	String memberOfB;

	@BeforeEach
	void setUp() {
		this.tokens = Tokens.of(this.environment);
		Tenants tenants = new Tenants(this.database);
		this.a = tenants.approved();
		this.b = tenants.approved();
		this.memberOfA = this.tokens.member(this.a.coordinator().id(), this.a.id(), Role.COORDINATOR);
		this.memberOfB = this.tokens.member(this.b.coordinator().id(), this.b.id(), Role.COORDINATOR);
	}

	@Test
	void organisationThread_isSeenAndAnsweredByBoth_andByNoOtherOrganisation() {
		Tenant c = new Tenants(this.database).approved();
		String memberOfC = this.tokens.member(c.coordinator().id(), c.id(), Role.COORDINATOR);
		String thread = startedThread(this.memberOfA, Map.of("subject", "Kleiderkammer", "text",
				"Habt ihr <b>Winterjacken</b>?", "organisationIds", List.of(this.b.id())));

		post(this.memberOfB, "/api/message-threads/" + thread + "/messages", Map.of("text", "Ja, zehn Stück."))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.organisation.id")
			.isEqualTo(this.b.id().toString());
		get(this.memberOfA, "/api/message-threads/" + thread).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.thread.kind")
			.isEqualTo("ORGANISATIONS")
			.jsonPath("$.thread.organisations[*].id")
			.isEqualTo(List.of(this.a.id().toString(), this.b.id().toString()))
			.jsonPath("$.messages[*].text")
			.isEqualTo(List.of("Habt ihr <b>Winterjacken</b>?", "Ja, zehn Stück."));

		get(memberOfC, "/api/message-threads/" + thread).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/message-thread-not-found");
		post(memberOfC, "/api/message-threads/" + thread + "/messages", Map.of("text", "Wir auch!")).expectStatus()
			.isNotFound();
		get(memberOfC, "/api/message-threads").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
		assertThat(messageCount(thread)).isEqualTo(2);
	}

	@Test
	void interestedHelper_readsAndAnswers_otherOrganisationsAndHelpersSeeNothing() throws Exception {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		consentToMessages(helper);
		UUID otherHelper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		RequirementProfileRows profiles = new RequirementProfileRows(this.database);
		UUID interest = profiles.interest(profiles.open(this.a.id(), this.a.coordinator().id()), helper);

		String thread = startedThread(this.memberOfA,
				Map.of("subject", "Dein Interesse", "text", "Wann passt es dir?", "interestId", interest));

		this.relay.poll(Instant.now()).block(TIMEOUT);
		this.relay.poll(Instant.now()).block(TIMEOUT);
		MimeMessage email = Mailbox.receivedBy(SMTP, email(helper));
		assertThat(email.getSubject()).endsWith(": Dein Interesse");
		assertThat(Mailbox.text(email)).contains("Wann passt es dir?");
		assertThat(emailStatuses(thread)).containsExactly("SENT");

		String helperToken = this.tokens.helper(helper);
		get(helperToken, "/api/me/message-threads").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(thread));
		post(helperToken, "/api/me/message-threads/" + thread + "/messages", Map.of("text", "Dienstags."))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.organisation")
			.doesNotExist();
		get(this.memberOfA, "/api/message-threads/" + thread).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.thread.kind")
			.isEqualTo("HELPER")
			.jsonPath("$.messages[*].text")
			.isEqualTo(List.of("Wann passt es dir?", "Dienstags."));

		String otherToken = this.tokens.helper(otherHelper);
		get(otherToken, "/api/me/message-threads").expectBody().jsonPath("$.length()").isEqualTo(0);
		get(otherToken, "/api/me/message-threads/" + thread).expectStatus().isNotFound();
		post(otherToken, "/api/me/message-threads/" + thread + "/messages", Map.of("text", "Ich?")).expectStatus()
			.isNotFound();
		this.relay.poll(Instant.now()).block(TIMEOUT);
		assertThat(Mailbox.allReceivedBy(SMTP, email(helper), 1)).hasSize(1);
		get(this.memberOfB, "/api/message-threads/" + thread).expectStatus().isNotFound();
		post(this.memberOfB, "/api/message-threads/" + thread + "/messages", Map.of("text", "Hallo")).expectStatus()
			.isNotFound();
		assertThat(messageCount(thread)).isEqualTo(2);
	}

	@Test
	void confirmedHelpersOfACallout_eachGetAThreadOfTheirOwn_emailOnlyWithConsent() {
		UUID callout = new CalloutRows(this.database).open(this.a.id(), this.a.coordinator().id());
		UUID withConsent = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		consentToMessages(withConsent);
		UUID withoutConsent = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		confirm(callout, withConsent);
		confirm(callout, withoutConsent);

		post(this.memberOfA, "/api/message-threads",
				Map.of("subject", "Treffpunkt", "text", "Wir treffen uns am Tor 2.", "calloutId", callout))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2);
		this.relay.poll(Instant.now()).block(TIMEOUT);

		assertThat(Mailbox.text(Mailbox.receivedBy(SMTP, email(withConsent)))).contains("Tor 2");
		assertThat(emailStatusOf(withoutConsent)).isEqualTo("SKIPPED");
		get(this.tokens.helper(withoutConsent), "/api/me/message-threads").expectBody()
			.jsonPath("$[0].subject")
			.isEqualTo("Treffpunkt")
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void decisionOnAnInterest_isToldToTheHelperOnce_byMessageAndEmail() {
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst")
			.messageLanguage("en")
			.insert();
		consentToMessages(helper);
		RequirementProfileRows profiles = new RequirementProfileRows(this.database);
		UUID profile = profiles.open(this.a.id(), this.a.coordinator().id());
		UUID interest = profiles.interest(profile, helper);

		for (int i = 0; i < 2; i++) {
			post(this.memberOfA, "/api/requirement-profiles/" + profile + "/interests/" + interest + "/accept",
					Map.of())
				.expectStatus()
				.isOk();
		}
		String helperToken = this.tokens.helper(helper);
		await().atMost(TIMEOUT).until(() -> threadCountOf(helper) == 1);
		this.relay.poll(Instant.now()).block(TIMEOUT);

		assertThat(Mailbox.text(Mailbox.receivedBy(SMTP, email(helper)))).contains("we accepted your interest");
		get(helperToken, "/api/me/message-threads").expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].organisations[0].id")
			.isEqualTo(this.a.id().toString());
		get(helperToken, "/api/me/interests").expectBody().jsonPath("$[0].status").isEqualTo("ACCEPTED");
		get(this.memberOfA, "/api/message-threads").expectBody().jsonPath("$[0].kind").isEqualTo("HELPER");
	}

	@Test
	void helpersWithoutARelation_cannotBeReached() {
		RequirementProfileRows profiles = new RequirementProfileRows(this.database);
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		UUID interestInB = profiles.interest(profiles.open(this.b.id(), this.b.coordinator().id()), helper);
		UUID calloutOfB = new CalloutRows(this.database).open(this.b.id(), this.b.coordinator().id());
		confirm(calloutOfB, helper);
		UUID calloutOfA = new CalloutRows(this.database).open(this.a.id(), this.a.coordinator().id());

		post(this.memberOfA, "/api/message-threads",
				Map.of("subject", "Hallo", "text", "Hi", "interestId", interestInB))
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/interest-not-found");
		post(this.memberOfA, "/api/message-threads", Map.of("subject", "Hallo", "text", "Hi", "calloutId", calloutOfB))
			.expectStatus()
			.isNotFound();
		post(this.memberOfA, "/api/message-threads", Map.of("subject", "Hallo", "text", "Hi", "calloutId", calloutOfA))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/no-confirmed-helpers");
		get(this.tokens.helper(helper), "/api/me/message-threads").expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void badInput_answersProblemsNamingTheField() {
		Tenant pending = new Tenants(this.database).create("PENDING");
		post(this.memberOfA, "/api/message-threads", Map.of("subject", "Hallo", "text", "Hi")).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisationIds");
		post(this.memberOfA, "/api/message-threads",
				Map.of("subject", "Hallo", "text", "Hi", "organisationIds", List.of(this.b.id(), pending.id())))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisationIds[1]");
		post(this.memberOfA, "/api/message-threads",
				Map.of("subject", "Hallo", "text", "Hi", "organisationIds", List.of(this.a.id())))
			.expectStatus()
			.isBadRequest();
		post(this.memberOfA, "/api/message-threads",
				Map.of("subject", "", "text", "x".repeat(5001), "organisationIds", List.of(this.b.id())))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("subject", "text"));
	}

	private String startedThread(String token, Map<String, Object> body) {
		List<Map<String, Object>> threads = post(token, "/api/message-threads", body).expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(threads).hasSize(1);
		return (String) threads.get(0).get("id");
	}

	private ResponseSpec post(String token, String path, Object body) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private ResponseSpec get(String token, String path) {
		return this.client.get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private void consentToMessages(UUID helper) {
		for (String action : List.of("GRANTED", "CONFIRMED")) {
			this.database.sql("""
					insert into consent_event (helper_id, channel, purpose, action, text_version, source)
					values (:id, 'EMAIL', 'ORGANISATION_MESSAGES', :action, '2025-12-01', 'PROFILE')""")
				.bind("id", helper)
				.bind("action", action)
				.then()
				.block(TIMEOUT);
		}
	}

	private void confirm(UUID callout, UUID helper) {
		this.database
			.sql("insert into confirmation (callout_id, helper_id, answer) values (:callout, :helper, 'CONFIRMED')")
			.bind("callout", callout)
			.bind("helper", helper)
			.then()
			.block(TIMEOUT);
	}

	private String email(UUID helper) {
		return new HelperRows(this.database).email(helper);
	}

	private long threadCountOf(UUID helper) {
		return this.database.sql("select count(*) as n from message_thread where helper_id = :helper")
			.bind("helper", helper)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private long messageCount(String thread) {
		return this.database.sql("select count(*) as n from message where thread_id = :thread")
			.bind("thread", UUID.fromString(thread))
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private List<String> emailStatuses(String thread) {
		return this.database.sql("""
				select e.status from message_email e join message m on m.id = e.message_id
				where m.thread_id = :thread""")
			.bind("thread", UUID.fromString(thread))
			.map((row) -> row.get("status", String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private String emailStatusOf(UUID helper) {
		return this.database.sql("select status from message_email where helper_id = :helper")
			.bind("helper", helper)
			.map((row) -> row.get("status", String.class))
			.one()
			.block(TIMEOUT);
	}

}
