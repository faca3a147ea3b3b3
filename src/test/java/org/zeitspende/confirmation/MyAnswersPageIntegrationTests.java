package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MyAnswersPageIntegrationTests {

	private static final String SESSION = "zeitspende_session";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Environment environment;

	private Tenant tenant;

	@AfterEach
	void deleteOrganisation() {
		if (this.tenant != null) {
			this.database.sql("delete from organisation where id = :id")
				.bind("id", this.tenant.id())
				.then()
				.block(Duration.ofSeconds(10));
		}
	}

	@Test
	void helper_seesOwnAsksWithAnswers_andNoOneElses() {
		this.tenant = new Tenants(this.database).approved();
		CalloutRows callouts = new CalloutRows(this.database);
		UUID confirmed = callouts.open(this.tenant.id(), this.tenant.coordinator().id(), "kleiderkammer", "goettingen",
				Instant.now().plus(Duration.ofDays(2)), 3);
		UUID unanswered = callouts.open(this.tenant.id(), this.tenant.coordinator().id(), "dolmetschen",
				"goettingen-grone", Instant.now().plus(Duration.ofDays(3)), 3);
		UUID othersOnly = callouts.open(this.tenant.id(), this.tenant.coordinator().id(), "spenden-sortieren",
				"goettingen", Instant.now().plus(Duration.ofDays(4)), 3);
		HelperRows helpers = new HelperRows(this.database);
		UUID helper = helpers.helper("goettingen", "kleiderkammer").insert();
		UUID other = helpers.helper("goettingen", "spenden-sortieren").insert();
		AskRows asks = new AskRows(this.database);
		asks.ask(confirmed, helper, "EMAIL");
		asks.ask(unanswered, helper, "EMAIL");
		asks.ask(othersOnly, other, "EMAIL");
		this.database
			.sql("insert into confirmation (callout_id, helper_id, answer) values (:callout, :helper, 'CONFIRMED')")
			.bind("callout", confirmed)
			.bind("helper", helper)
			.then()
			.block(Duration.ofSeconds(10));

		this.client.get()
			.uri("/h/me/asks")
			.cookie(SESSION, Tokens.of(this.environment).helper(helper))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html)
				.contains("<h1>Meine Anfragen</h1>", "Kleiderkammer", "Zugesagt", "Dolmetschen", "Noch keine Antwort")
				.doesNotContain("Spenden sortieren"));
	}

	@Test
	void helperNeverAsked_isToldSo_andOthersAreSentAway() {
		UUID helper = new HelperRows(this.database).helper("goettingen", "kleiderkammer").insert();
		this.client.get()
			.uri("/h/me/asks?lang=en")
			.cookie(SESSION, Tokens.of(this.environment).helper(helper))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("You have not been asked yet"));
		this.client.get().uri("/h/me/asks").exchange().expectStatus().isFound();
	}

}
