package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.dispatch.SmsReply;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS answers go through the same state machine as the link, and each gets a reply by SMS
 * (here to the dev inbox).
 */
@IntegrationTest
class SmsAnswersIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	SmsAnswers answers;

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient client;

	Tenant tenant;

	UUID helper;

	String mobile;

	@BeforeEach
	void helperWithMobile() {
		this.tenant = new Tenants(this.database).approved();
		this.helper = new HelperRows(this.database).helper("goettingen-grone", "fahrdienst")
			.withoutEmail()
			.mobile()
			.prefers("SMS")
			.insert();
		this.mobile = this.database.sql("select mobile from helper where id = :id")
			.bind("id", this.helper)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	@Test
	void ja_withOneOpenAsk_confirmsIt_andRepliesTheSameToARepeat() {
		UUID callout = askedFor();

		reply("  ja ");

		assertThat(answer(callout)).isEqualTo("CONFIRMED");
		assertThat(lastSms()).contains("Danke, Sie sind dabei: Fahrdienst in Grone, ", "ABSAGE");

		reply("JA");

		assertThat(answer(callout)).isEqualTo("CONFIRMED");
		assertThat(lastSms()).contains("Danke, Sie sind dabei");
	}

	@Test
	void ja_typedIntoTheDevInbox_answersLikeAnSmsToTheServicesNumber() {
		UUID callout = askedFor();

		this.client.post()
			.uri("/api/dev/sms-replies")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", this.mobile, "text", " Ja "))
			.exchange()
			.expectStatus()
			.isAccepted();

		assertThat(answer(callout)).isEqualTo("CONFIRMED");
		assertThat(lastSms()).contains("Danke, Sie sind dabei");
		this.client.post()
			.uri("/api/dev/sms-replies")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", "0151 123", "text", "JA"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
	}

	@Test
	void ja_withTwoOpenAsks_asksForTheCode_andJaWithTheCodeConfirmsThatOne() {
		UUID first = askedFor();
		UUID second = askedFor();

		reply("JA");

		assertThat(answer(first)).isNull();
		assertThat(answer(second)).isNull();
		assertThat(lastSms()).contains("Mehrere offene Anfragen", shortCode(first), shortCode(second));

		reply("ja " + shortCode(second));

		assertThat(answer(first)).isNull();
		assertThat(answer(second)).isEqualTo("CONFIRMED");
	}

	@Test
	void nein_declines_andAbsageWithdrawsAYes() {
		UUID declined = askedFor();
		reply("Nein");
		assertThat(answer(declined)).isEqualTo("DECLINED");

		UUID confirmed = askedFor();
		reply("YES");
		reply("absage");

		assertThat(answer(confirmed)).isEqualTo("WITHDRAWN");
		assertThat(lastSms()).contains("zurückgezogen");
	}

	@Test
	void ja_onAFullCallout_namesSimilarOnes_andWartenPutsTheHelperOnTheStandbyList() {
		UUID full = askedFor();
		new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(2)), 3);
		this.database.sql("update callout set filled = needed, status = 'FILLED' where id = :id")
			.bind("id", full)
			.then()
			.block(TIMEOUT);

		reply("JA");

		assertThat(answer(full)).isNull();
		assertThat(lastSms()).contains("vollständig besetzt", "WARTEN " + shortCode(full),
				"Noch gesucht: Fahrdienst in ");

		reply("warten");

		assertThat(answer(full)).isNull();
		assertThat(lastSms()).contains("Warteliste");
		assertThat(this.database.sql("select count(*) from standby where callout_id = :callout and helper_id = :helper")
			.bind("callout", full)
			.bind("helper", this.helper)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT)).isOne();
	}

	@Test
	void otherTexts_areLeftAlone() {
		UUID callout = askedFor();

		reply("Ja gerne, wann genau?");

		assertThat(answer(callout)).isNull();
	}

	private UUID askedFor() {
		UUID callout = new CalloutRows(this.database).open(this.tenant.id(), this.tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), 3);
		new AskRows(this.database).ask(callout, this.helper, "SMS");
		return callout;
	}

	private void reply(String text) {
		this.answers.handle(new SmsReply(this.mobile, SmsReply.Intent.OTHER, text.strip())).block(TIMEOUT);
	}

	private String answer(UUID callout) {
		return this.database.sql("select answer from confirmation where callout_id = :callout and helper_id = :helper")
			.bind("callout", callout)
			.bind("helper", this.helper)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private String shortCode(UUID callout) {
		return this.database.sql("select short_code from callout where id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	// The dev inbox lists the newest message first.
	@SuppressWarnings("rawtypes")
	private String lastSms() {
		List<Map> inbox = this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(this.mobile))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(inbox).isNotEmpty();
		return String.valueOf(inbox.get(0).get("text"));
	}

}
