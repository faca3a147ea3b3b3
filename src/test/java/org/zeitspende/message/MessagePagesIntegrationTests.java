package org.zeitspende.message;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.ConsoleSignIn;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message pages show a helper only their own threads and an organisation only the
 * threads it is in; replies are stored through the same service as the API's.
 */
@IntegrationTest
class MessagePagesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	Tenant a;

	Tenant b;

	String marker;

	@BeforeEach
	void setUp() {
		Tenants tenants = new Tenants(this.database);
		this.a = tenants.approved();
		this.b = tenants.approved();
		this.marker = "m" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void helper_readsAndAnswersOwnThread_anotherHelpersThreadIsNotFound() {
		UUID helper = helper();
		UUID mine = thread("Dein Interesse " + this.marker, this.a, helper, List.of(this.a.id()));
		UUID theirs = thread("Fremd " + this.marker, this.a, helper(), List.of(this.a.id()));
		PageForms browser = signedIn(helper);

		assertThat(browser.get("/h/me").getResponseBody()).contains("href=\"/h/me/messages/" + mine + "\"",
				"href=\"/h/me/messages\"");
		assertThat(browser.get("/h/me/messages").getResponseBody())
			.contains("Dein Interesse " + this.marker, "Test organisation ")
			.doesNotContain("Fremd " + this.marker);
		EntityExchangeResult<String> page = browser.get("/h/me/messages/" + mine);
		assertThat(page.getResponseBody()).contains("Wann passt es dir? &lt;b&gt;", "<textarea id=\"text\"");

		EntityExchangeResult<String> empty = browser.post(page, "/h/me/messages/" + mine, reply(" "));
		assertThat(empty.getStatus().value()).isEqualTo(400);
		assertThat(empty.getResponseBody()).contains("id=\"text-error\"");
		String tooLong = this.marker + "x".repeat(5000);
		EntityExchangeResult<String> long5001 = browser.post(empty, "/h/me/messages/" + mine, reply(tooLong));
		assertThat(long5001.getStatus().value()).isEqualTo(400);
		assertThat(long5001.getResponseBody()).contains("id=\"text-error\"", ">" + tooLong + "</textarea>");

		EntityExchangeResult<String> sent = browser.post(long5001, "/h/me/messages/" + mine, reply("Am Samstag."));
		assertThat(sent.getStatus().value()).isEqualTo(303);
		assertThat(sent.getResponseHeaders().getLocation()).hasToString("/h/me/messages/" + mine);
		assertThat(browser.get("/h/me/messages/" + mine).getResponseBody()).contains("Sie · ", "Am Samstag.");
		assertThat(helperMessages(mine)).containsExactly("Am Samstag.");

		assertThat(browser.get("/h/me/messages/" + theirs).getStatus().value()).isEqualTo(404);
		assertThat(browser.post(page, "/h/me/messages/" + theirs, reply("Hallo?")).getStatus().value()).isEqualTo(404);
		assertThat(helperMessages(theirs)).isEmpty();
	}

	@Test
	void console_showsTheOrganisationsThreads_andAnotherOrganisationsThreadIsNotFound() {
		UUID between = thread("Winterjacken " + this.marker, this.a, null, List.of(this.a.id(), this.b.id()));
		UUID withHelper = thread("Interesse " + this.marker, this.b, helper(), List.of(this.b.id()));
		PageForms memberOfA = ConsoleSignIn.coordinatorOf(this.a, this.client);
		PageForms memberOfB = ConsoleSignIn.coordinatorOf(this.b, this.client);

		assertThat(memberOfA.get("/console").getResponseBody()).contains("href=\"/console/messages\"");
		assertThat(memberOfA.get("/console/messages").getResponseBody()).contains("Winterjacken " + this.marker)
			.doesNotContain("Interesse " + this.marker);
		assertThat(memberOfB.get("/console/messages").getResponseBody()).contains("Winterjacken " + this.marker,
				"Interesse " + this.marker, "H-" + withHelper.toString().substring(0, 8).toUpperCase());

		EntityExchangeResult<String> page = memberOfB.get("/console/messages/" + between);
		assertThat(memberOfB.post(page, "/console/messages/" + between, reply("Ja, zehn Stück.")).getStatus().value())
			.isEqualTo(303);
		assertThat(memberOfA.get("/console/messages/" + between).getResponseBody()).contains("Ja, zehn Stück.");
		assertThat(this.database.sql("select organisation_id from message where thread_id = :thread and text = :text")
			.bind("thread", between)
			.bind("text", "Ja, zehn Stück.")
			.map((row) -> row.get(0, UUID.class))
			.one()
			.block(TIMEOUT)).isEqualTo(this.b.id());

		assertThat(memberOfA.get("/console/messages/" + withHelper).getStatus().value()).isEqualTo(404);
		EntityExchangeResult<String> refused = memberOfA.post(memberOfA.get("/console/messages"),
				"/console/messages/" + withHelper, reply("Wir auch!"));
		assertThat(refused.getStatus().value()).isEqualTo(404);
		assertThat(messageCount(withHelper)).isEqualTo(1);
	}

	@Test
	void console_startsAThreadWithAnotherOrganisation_keepingWhatWasTypedWhenInvalid() {
		PageForms memberOfA = ConsoleSignIn.coordinatorOf(this.a, this.client);
		EntityExchangeResult<String> form = memberOfA.get("/console/messages/new");
		assertThat(form.getResponseBody()).contains("<option value=\"" + this.b.id() + "\"")
			.doesNotContain("<option value=\"" + this.a.id() + "\"");
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("subject", "Lastenrad " + this.marker);
		fields.add("text", " ");

		EntityExchangeResult<String> invalid = memberOfA.post(form, "/console/messages", fields);
		assertThat(invalid.getStatus().value()).isEqualTo(400);
		assertThat(invalid.getResponseBody()).contains("id=\"organisation-error\"", "id=\"text-error\"",
				"value=\"Lastenrad " + this.marker + "\"");

		fields.set("organisation", this.b.id().toString());
		fields.set("text", "Dürfen wir es leihen?");
		EntityExchangeResult<String> started = memberOfA.post(invalid, "/console/messages", fields);
		assertThat(started.getStatus().value()).isEqualTo(303);
		String thread = started.getResponseHeaders().getLocation().toString();
		PageForms memberOfB = ConsoleSignIn.coordinatorOf(this.b, this.client);
		assertThat(memberOfB.get(thread).getResponseBody()).contains("Lastenrad " + this.marker,
				"Dürfen wir es leihen?");
	}

	@Test
	void replyWithoutTheCsrfToken_isRefused() {
		UUID helper = helper();
		UUID thread = thread("Ohne Token " + this.marker, this.a, helper, List.of(this.a.id()));
		PageForms browser = signedIn(helper);
		PageForms member = ConsoleSignIn.coordinatorOf(this.a, this.client);

		assertThat(browser.post(browser.get("/news"), "/h/me/messages/" + thread, reply("Hallo")).getStatus().value())
			.isEqualTo(403);
		assertThat(member.post(member.get("/news"), "/console/messages/" + thread, reply("Hallo")).getStatus().value())
			.isEqualTo(403);
		assertThat(messageCount(thread)).isEqualTo(1);
	}

	private UUID helper() {
		return new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
	}

	private PageForms signedIn(UUID helper) {
		return new PageForms(this.client).withCookie("zeitspende_session", Tokens.of(this.environment).helper(helper));
	}

	private static MultiValueMap<String, String> reply(String text) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("text", text);
		return fields;
	}

	// A thread started by a coordinator of the given organisation, with its first
	// message.
	private UUID thread(String subject, Tenant starter, UUID helper, List<UUID> organisations) {
		UUID thread = this.database.sql("""
				insert into message_thread (subject, started_by, helper_id) values (:subject, :starter, :helper)
				returning id""")
			.bind("subject", subject)
			.bind("starter", starter.id())
			.bind("helper", Parameter.fromOrEmpty(helper, UUID.class))
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
		organisations.forEach((organisation) -> this.database
			.sql("insert into message_thread_organisation (thread_id, organisation_id) values (:thread, :organisation)")
			.bind("thread", thread)
			.bind("organisation", organisation)
			.then()
			.block(TIMEOUT));
		this.database.sql("""
				insert into message (thread_id, organisation_id, member_id, text)
				values (:thread, :organisation, :member, 'Wann passt es dir? <b>')""")
			.bind("thread", thread)
			.bind("organisation", starter.id())
			.bind("member", starter.coordinator().id())
			.then()
			.block(TIMEOUT);
		return thread;
	}

	private List<String> helperMessages(UUID thread) {
		return this.database.sql("select text from message where thread_id = :thread and organisation_id is null")
			.bind("thread", thread)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	private long messageCount(UUID thread) {
		return this.database.sql("select count(*) from message where thread_id = :thread")
			.bind("thread", thread)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

}
