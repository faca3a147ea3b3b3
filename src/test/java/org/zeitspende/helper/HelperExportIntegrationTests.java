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
 * requirement profiles, message threads with their messages, and weekly digests; and
 * nothing of another helper's.
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
