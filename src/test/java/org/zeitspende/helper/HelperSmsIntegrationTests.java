package org.zeitspende.helper;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.TwilioRequest;
import org.zeitspende.testing.TwilioStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mobile numbers: verification by code or link through Twilio's SDK against a stub of its
 * REST API.
 */
@IntegrationTest
class HelperSmsIntegrationTests {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final Pattern LINK = Pattern.compile("/h/verify/([A-Za-z0-9_-]{22})");

	@DynamicPropertySource
	static void twilio(DynamicPropertyRegistry registry) {
		registry.add("zeitspende.twilio.account-sid", TwilioStub::accountSid);
		registry.add("zeitspende.twilio.auth-token", TwilioStub::authToken);
		registry.add("zeitspende.twilio.from", () -> "+4930123456789");
		registry.add("zeitspende.twilio.base-url", () -> TwilioStub.get().baseUrl());
	}

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@BeforeEach
	void resetStub() {
		TwilioStub.get().reset();
	}

	@Test
	void register_withMobile_sendsOneSmsWithCodeAndLink_matchingTwiliosApi() {
		String mobile = uniqueMobile();
		register(mobile);
		TwilioRequest sms = smsTo(mobile);
		assertThat(CODE.matcher(sms.field("Body")).find()).isTrue();
		assertThat(LINK.matcher(sms.field("Body")).find()).isTrue();
		assertThat(sms.field("Body")).contains("STOP");
		TwilioStub.get().assertEveryRequestMatchesTheApiDescription();
	}

	@Test
	void rightCode_verifiesTheNumber() {
		String mobile = uniqueMobile();
		register(mobile);
		String code = match(CODE, smsTo(mobile).field("Body"));
		verifyCode(mobile, code).expectStatus().isOk().expectBody().jsonPath("$.channel").isEqualTo("SMS");
		assertThat(verified(mobile)).isTrue();
	}

	@Test
	void fiveWrongCodes_useTheCodeUp() {
		String mobile = uniqueMobile();
		register(mobile);
		String code = match(CODE, smsTo(mobile).field("Body"));
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			verifyCode(mobile, wrong).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("code");
		}
		verifyCode(mobile, code).expectStatus().isBadRequest();
		assertThat(verified(mobile)).isFalse();
	}

	@Test
	void linkInTheSms_verifiesTheNumberToo() {
		String mobile = uniqueMobile();
		register(mobile);
		String token = match(LINK, smsTo(mobile).field("Body"));
		this.client.post()
			.uri("/api/helpers/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.channel")
			.isEqualTo("SMS");
		assertThat(verified(mobile)).isTrue();
	}

	@Test
	void numberTwilioCallsInvalid_isRejectedNamingTheField() {
		TwilioStub.get().failNext(1, 400, 21211);
		Map<String, Object> registration = Helpers.registration(null, uniqueMobile());
		this.client.post()
			.uri("/api/helpers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("mobile");
	}

	private void register(String mobile) {
		this.client.post()
			.uri("/api/helpers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Helpers.registration(null, mobile))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	private WebTestClient.ResponseSpec verifyCode(String mobile, String code) {
		return this.client.post()
			.uri("/api/helpers/verification/code")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("mobile", mobile, "code", code))
			.exchange();
	}

	private boolean verified(String mobile) {
		return this.database.sql("select mobile_verified_at is not null from helper where mobile = :mobile")
			.bind("mobile", mobile)
			.map((row) -> row.get(0, Boolean.class))
			.one()
			.block(Duration.ofSeconds(5));
	}

	private static TwilioRequest smsTo(String mobile) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TwilioStub.get()
				.requests()
				.stream()
				.anyMatch((request) -> mobile.equals(request.field("To"))));
		return TwilioStub.get()
			.requests()
			.stream()
			.filter((request) -> mobile.equals(request.field("To")))
			.findFirst()
			.orElseThrow();
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	// A valid German mobile number that no other test uses.
	static String uniqueMobile() {
		return "+49151" + (10_000_000 + (long) (Math.random() * 89_999_999));
	}

}
