package org.zeitspende.helper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.EventRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.RequirementProfileRows;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The data export holds what other features store about the helper too: interests in
 * requirement profiles, message threads with their messages, weekly digests, asks,
 * notices, answers, standby places and event registrations; and nothing of another
 * helper's.
 */
@IntegrationTest
class HelperExportIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Test
	void export_holdsInterestsMessagesAndDigests_ofTheHelperOnly() {
		Tokens tokens = Tokens.of(this.environment);
		Tenant tenant = new Tenants(this.database).approved();
		String coordinator = tokens.member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		UUID other = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		RequirementProfileRows profiles = new RequirementProfileRows(this.database);
		UUID profile = profiles.open(tenant.id(), tenant.coordinator().id());
		UUID interest = profiles.interest(profile, helper);
		UUID othersInterest = profiles.interest(profile, other);
		String thread = startedThread(coordinator, interest, "Wann passt es dir?");
		post(tokens.helper(helper), "/api/me/message-threads/" + thread + "/messages", Map.of("text", "Dienstags."));
		String othersThread = startedThread(coordinator, othersInterest, "Nur für die andere Person");
		LocalDate week = LocalDate.parse("2026-01-05");
		digest(helper, week);

		Map<String, List<Map<String, Object>>> export = export(tokens.helper(helper));

		assertThat(export).containsKeys("helper", "consentEvents", "interests", "messageThreads", "messages",
				"digests");
		assertThat(export.get("interests")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", interest.toString())
				.containsEntry("profile_title", "Fahrdienst zum Arzt")
				.containsEntry("status", "PENDING")
				.containsKeys("created_at", "decided_at"));
		assertThat(export.get("messageThreads")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", thread).containsEntry("subject", "Termin"));
		assertThat(export.get("messages")).extracting((row) -> row.get("text"), (row) -> row.get("written_by"))
			.containsExactly(tuple("Wann passt es dir?", "ORGANISATION"), tuple("Dienstags.", "HELPER"));
		assertThat(export.get("messages")).allSatisfy((row) -> assertThat(row).doesNotContainKey("member_id"));
		assertThat(export.get("digests")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("week", week.toString()).containsEntry("status", "SENT"));
		assertThat(export.toString()).doesNotContain(othersInterest.toString(), othersThread,
				"Nur für die andere Person");
	}

	@Test
	void export_holdsAsksNoticesAnswersStandbyAndEventRegistrations_ofTheHelperOnly() {
		Tokens tokens = Tokens.of(this.environment);
		Tenant tenant = new Tenants(this.database).approved();
		UUID helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		UUID other = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst").insert();
		CalloutRows callouts = new CalloutRows(this.database);
		UUID callout = callouts.open(tenant.id(), tenant.coordinator().id());
		UUID full = callouts.open(tenant.id(), tenant.coordinator().id());
		AskRows asks = new AskRows(this.database);
		String link = asks.ask(callout, helper, "EMAIL");
		accept(link);
		accept(asks.ask(callout, other, "EMAIL"));
		asks.ask(full, other, "SMS");
		exec("insert into standby (callout_id, helper_id) values ('%s', :v)".formatted(full), helper);
		exec("insert into standby (callout_id, helper_id) values ('%s', :v)".formatted(callout), other);
		exec("""
				insert into notice (callout_id, audience, recipient_id, kind, occurred_at, channel, status)
				values ('%s', 'HELPER', :v, 'NO_LONGER_NEEDED', now(), 'EMAIL', 'SENT')""".formatted(full), helper);
		UUID event = new EventRows(this.database).scheduled(tenant.id(), tenant.coordinator().id());
		register(tokens.helper(helper), event);
		UUID othersEvent = new EventRows(this.database).scheduled(tenant.id(), tenant.coordinator().id());
		register(tokens.helper(other), othersEvent);

		Map<String, List<Map<String, Object>>> export = export(tokens.helper(helper));

		assertThat(export.get("asks")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("callout_id", callout.toString())
				.containsEntry("channel", "EMAIL")
				.containsEntry("status", "SENT")
				.containsKeys("created_at", "updated_at")
				.doesNotContainKeys("token_hash", "provider_id"));
		assertThat(export.get("answers")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("callout_id", callout.toString())
				.containsEntry("answer", "CONFIRMED")
				.containsKeys("answered_at", "withdrawn_at"));
		assertThat(export.get("standby")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("callout_id", full.toString()).containsKey("joined_at"));
		assertThat(export.get("notices")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("kind", "NO_LONGER_NEEDED")
				.containsEntry("callout_id", full.toString()));
		assertThat(export.get("eventRegistrations")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("event_id", event.toString())
				.containsEntry("event_title", "Sommerfest")
				.containsKeys("starts_at", "registered_at"));
		assertThat(export.toString()).doesNotContain(link, other.toString(), othersEvent.toString(), "SMS");
	}

	private void accept(String link) {
		this.client.post().uri("/api/asks/" + link + "/accept").exchange().expectStatus().isOk();
	}

	private void register(String token, UUID event) {
		this.client.put()
			.uri("/api/me/events/" + event + "/registration")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private void exec(String sql, UUID value) {
		this.database.sql(sql).bind("v", value).then().block(TIMEOUT);
	}

	private String startedThread(String token, UUID interest, String text) {
		return (String) post(token, "/api/message-threads",
				Map.of("subject", "Termin", "text", text, "interestId", interest))
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody()
			.get(0)
			.get("id");
	}

	private WebTestClient.ResponseSpec post(String token, String path, Object body) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private Map<String, List<Map<String, Object>>> export(String token) {
		return this.client.get()
			.uri("/api/me/export")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private void digest(UUID helper, LocalDate week) {
		this.database.sql("""
				insert into requirement_digest (helper_id, week, profiles, status)
				values (:helper, :week, 3, 'SENT')""").bind("helper", helper).bind("week", week).then().block(TIMEOUT);
	}

}
