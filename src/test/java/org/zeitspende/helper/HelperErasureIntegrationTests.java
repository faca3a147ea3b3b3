package org.zeitspende.helper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.zeitspende.callout.ConfirmedContacts;
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

/**
 * Erasure reaches what every feature keeps about the helper: personal rows and text are
 * gone, pseudonymous rows stay where counts rest on them, and the counts still hold.
 * Another helper's rows stay as they were.
 */
@IntegrationTest
class HelperErasureIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Autowired
	ConfirmedContacts confirmedContacts;

	@LocalServerPort
	int port;

	Tokens tokens;

	HelperRows helpers;

	@BeforeEach
	void rows() {
		this.tokens = Tokens.of(this.environment);
		this.helpers = new HelperRows(this.database);
	}

	@Test
	void erase_deletesInterestsDigestsAndTheHelpersThreads_andKeepsOthers() {
		Tenant tenant = new Tenants(this.database).approved();
		Tenant otherTenant = new Tenants(this.database).approved();
		String coordinator = this.tokens.member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);
		UUID helper = this.helpers.helper("goettingen-grone", "fahrdienst").mobile().insert();
		UUID other = this.helpers.helper("goettingen-grone", "fahrdienst").insert();
		String email = this.helpers.email(helper);
		RequirementProfileRows profiles = new RequirementProfileRows(this.database);
		UUID profile = profiles.open(tenant.id(), tenant.coordinator().id());
		String thread = startedThread(coordinator, profiles.interest(profile, helper));
		send(this.tokens.helper(helper), "/api/me/message-threads/" + thread + "/messages",
				Map.of("text", "Meine Nummer: 0151 999"))
			.expectStatus()
			.isCreated();
		String othersThread = startedThread(coordinator, profiles.interest(profile, other));
		UUID betweenOrganisations = threadBetween(tenant.id(), otherTenant.id());
		exec("insert into requirement_digest (helper_id, week, profiles, status) values (:v, '2026-01-05', 2, 'SENT')",
				helper);

		erase(helper);

		assertThat(count("select count(*) from requirement_interest where helper_id = :v", helper)).isZero();
		assertThat(count("select count(*) from requirement_interest where helper_id = :v", other)).isOne();
		assertThat(count("select count(*) from requirement_digest where helper_id = :v", helper)).isZero();
		assertThat(count("select count(*) from message_thread where helper_id = :v", helper)).isZero();
		assertThat(count("select count(*) from message where strpos(text, :v) > 0", "0151 999")).isZero();
		assertThat(count("select count(*) from message_email where helper_id = :v", helper)).isZero();
		assertThat(count("select count(*) from message where thread_id = :v", UUID.fromString(othersThread))).isOne();
		assertThat(count("select count(*) from message where thread_id = :v", betweenOrganisations)).isOne();
		assertThat(count("select count(*) from helper where email = :v", email)).isZero();
	}

	@Test
	void erase_keepsAnswersAndAsksPseudonymous_withoutLinks_standbyNoticesOrContacts() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID helper = this.helpers.helper("goettingen-grone", "fahrdienst").mobile().insert();
		UUID other = this.helpers.helper("goettingen-grone", "fahrdienst").insert();
		CalloutRows callouts = new CalloutRows(this.database);
		UUID callout = callouts.open(tenant.id(), tenant.coordinator().id());
		AskRows asks = new AskRows(this.database);
		accept(asks.ask(callout, helper, "EMAIL"));
		accept(asks.ask(callout, other, "EMAIL"));
		UUID later = callouts.open(tenant.id(), tenant.coordinator().id());
		exec("""
				insert into ask (callout_id, helper_id, channel, next_attempt_at)
				values ('%s', :v, 'EMAIL', now() + interval '1 day')""".formatted(later), helper);
		UUID full = callouts.open(tenant.id(), tenant.coordinator().id());
		String link = asks.ask(full, helper, "EMAIL");
		exec("insert into standby (callout_id, helper_id) values ('%s', :v)".formatted(full), helper);
		exec("insert into standby (callout_id, helper_id) values ('%s', :v)".formatted(full), other);
		exec("""
				insert into notice (callout_id, audience, recipient_id, kind, occurred_at, channel, status)
				values ('%s', 'HELPER', :v, 'NO_LONGER_NEEDED', now(), 'EMAIL', 'SENT')""".formatted(full), helper);

		erase(helper);

		assertThat(count("select count(*) from standby where helper_id = :v", helper)).isZero();
		assertThat(count("select count(*) from standby where helper_id = :v", other)).isOne();
		assertThat(count("select count(*) from notice where recipient_id = :v", helper)).isZero();
		assertThat(count("select count(*) from ask where helper_id = :v", helper)).isEqualTo(3);
		assertThat(count("select count(*) from ask where helper_id = :v and token_hash is not null", helper)).isZero();
		assertThat(count("select count(*) from ask where helper_id = :v and status = 'PENDING'", helper)).isZero();
		assertThat(count("select count(*) from ask where helper_id = :v and token_hash is not null", other)).isOne();
		// A link not opened in the last minute (no replica keeps its ask) no longer
		// works.
		this.client.get().uri("/api/asks/" + link).exchange().expectStatus().isNotFound();
		assertThat(count("select count(*) from confirmation where callout_id = :v and answer = 'CONFIRMED'", callout))
			.isEqualTo(2);
		assertThat(count("select filled from callout where id = :v", callout)).isEqualTo(2);
		assertThat(this.confirmedContacts.of(callout).block(TIMEOUT))
			.containsExactly(new ConfirmedContacts.Contact(this.helpers.email(other), null));
	}

	@Test
	void erase_leavesTheHelperOutOfMessagesToAllConfirmedHelpers() {
		Tenant tenant = new Tenants(this.database).approved();
		String coordinator = this.tokens.member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);
		UUID helper = this.helpers.helper("goettingen-grone", "fahrdienst").insert();
		UUID other = this.helpers.helper("goettingen-grone", "fahrdienst").insert();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		AskRows asks = new AskRows(this.database);
		accept(asks.ask(callout, helper, "EMAIL"));
		accept(asks.ask(callout, other, "EMAIL"));

		erase(helper);
		send(coordinator, "/api/message-threads",
				Map.of("subject", "Treffpunkt", "text", "Wir treffen uns am Eingang B.", "calloutId", callout))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);

		assertThat(count("select count(*) from message_thread where helper_id = :v", helper)).isZero();
		assertThat(count("select count(*) from message_thread where helper_id = :v", other)).isOne();
	}

	@Test
	void erase_givesThePlacesOfEventsAheadBack_andKeepsPastRegistrations() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID helper = this.helpers.helper("goettingen-grone", "fahrdienst").insert();
		UUID other = this.helpers.helper("goettingen-grone", "fahrdienst").insert();
		UUID event = new EventRows(this.database).scheduled(tenant.id(), tenant.coordinator().id());
		register(this.tokens.helper(helper), event);
		register(this.tokens.helper(other), event);
		UUID pastEvent = pastEventAttendedBy(tenant, helper);

		erase(helper);

		assertThat(count("select count(*) from event_registration where helper_id = :v", other)).isOne();
		assertThat(count("select count(*) from event_registration where event_id = :v", event)).isOne();
		assertThat(count("select registered from event where id = :v", event)).isOne();
		assertThat(count("select count(*) from event_registration where event_id = :v", pastEvent)).isOne();
		assertThat(count("select registered from event where id = :v", pastEvent)).isOne();
	}

	@Test
	void erase_whileOthersRegister_keepsTheEventsCountEqualToItsRegistrationsAndWithinCapacity() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID event = new EventRows(this.database).scheduled(tenant.id(), tenant.coordinator().id());
		List<UUID> leaving = IntStream.range(0, 10)
			.mapToObj((i) -> this.helpers.helper("goettingen-grone", "fahrdienst").insert())
			.toList();
		leaving.forEach((helper) -> register(this.tokens.helper(helper), event));
		List<UUID> coming = IntStream.range(0, 20)
			.mapToObj((i) -> this.helpers.helper("goettingen-grone", "fahrdienst").insert())
			.toList();
		WebClient http = WebClient.create("http://localhost:" + this.port);

		Flux<Mono<Integer>> erasures = Flux.fromIterable(leaving)
			.map((helper) -> status(http.delete().uri("/api/me").headers(bearer(helper))));
		Flux<Mono<Integer>> newcomers = Flux.fromIterable(coming)
			.map((helper) -> status(
					http.put().uri("/api/me/events/" + event + "/registration").headers(bearer(helper))));
		List<Integer> statuses = Flux.merge(erasures, newcomers)
			.flatMap(Function.identity(), 30)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).filteredOn((status) -> status == 204).hasSize(10);
		long registered = count("select registered from event where id = :v", event);
		assertThat(registered).isEqualTo(count("select count(*) from event_registration where event_id = :v", event))
			.isLessThanOrEqualTo(10)
			.isEqualTo(statuses.stream().filter((status) -> status == 200).count());
		assertThat(count("select count(*) from event_registration r join helper h on h.id = r.helper_id "
				+ "where r.event_id = :v and h.erased_at is not null", event))
			.isZero();
	}

	private Consumer<HttpHeaders> bearer(UUID helper) {
		String token = this.tokens.helper(helper);
		return (headers) -> headers.setBearerAuth(token);
	}

	private static Mono<Integer> status(WebClient.RequestHeadersSpec<?> request) {
		return request.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

	private void erase(UUID helper) {
		this.client.delete()
			.uri("/api/me")
			.headers((headers) -> headers.setBearerAuth(this.tokens.helper(helper)))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private String startedThread(String token, UUID interest) {
		return (String) send(token, "/api/message-threads",
				Map.of("subject", "Termin", "text", "Wann passt es dir?", "interestId", interest))
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody()
			.get(0)
			.get("id");
	}

	private UUID threadBetween(UUID organisation, UUID otherOrganisation) {
		UUID thread = this.database.sql("""
				insert into message_thread (subject, started_by) values ('Zwischen Vereinen', :v) returning id""")
			.bind("v", organisation)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
		exec("insert into message_thread_organisation values ('%s', '%s'), ('%s', :v)".formatted(thread, organisation,
				thread), otherOrganisation);
		exec("insert into message (thread_id, organisation_id, member_id, text) values ('%s', :v, :v, 'Hallo')"
			.formatted(thread), organisation);
		return thread;
	}

	private UUID pastEventAttendedBy(Tenant tenant, UUID helper) {
		UUID event = this.database.sql("""
				insert into event (organisation_id, created_by, title, place_code, starts_at, ends_at, capacity,
				                   registered)
				values (:organisation, :member, 'Frühlingsfest', 'goettingen-grone', :start, :end, 10, 1)
				returning id""")
			.bind("organisation", tenant.id())
			.bind("member", tenant.coordinator().id())
			.bind("start", Instant.now().minus(Duration.ofDays(7)))
			.bind("end", Instant.now().minus(Duration.ofDays(7)).plus(Duration.ofHours(3)))
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
		exec("insert into event_registration (event_id, helper_id) values ('%s', :v)".formatted(event), helper);
		return event;
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

	private WebTestClient.ResponseSpec send(String token, String path, Object body) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private void exec(String sql, Object value) {
		this.database.sql(sql).bind("v", value).then().block(TIMEOUT);
	}

	private long count(String sql, Object value) {
		return this.database.sql(sql)
			.bind("v", value)
			.map((row) -> row.get(0, Number.class).longValue())
			.one()
			.block(TIMEOUT);
	}

}
