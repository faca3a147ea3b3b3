package org.zeitspende.dispatch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.zeitspende.testing.TwilioStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's webhooks, called as Twilio calls them: form-encoded and signed with the auth
 * token over the public URL and the sorted parameters.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioWebhooksIntegrationTests extends ProviderChannelsIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String SMS_PATH = "/hooks/twilio/sms";

	private static final String STATUS_PATH = "/hooks/twilio/status";

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	ConfigurableApplicationContext context;

	@LocalServerPort
	int port;

	private final List<DeliveryReported> reports = new CopyOnWriteArrayList<>();

	private final ApplicationListener<PayloadApplicationEvent<DeliveryReported>> listener = (event) -> this.reports
		.add(event.getPayload());

	@BeforeEach
	void listen() {
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.context
			.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
					ApplicationEventMulticaster.class)
			.removeApplicationListener(this.listener);
	}

	@Test
	void stop_withdrawsEverySmsConsentOfThatHelperOnly_andAnswersEmptyTwiml() {
		UUID helper = seedHelper(true);
		UUID other = seedHelper(true);
		String body = signed(SMS_PATH, sms(mobileOf(helper), "STOP")).expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_XML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).endsWith("<Response/>");
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "WITHDRAWN")
			.containsEntry("SMS/NEWS", "WITHDRAWN")
			.containsEntry("EMAIL/CALLOUTS", "CONFIRMED");
		assertThat(consents(other)).containsEntry("SMS/CALLOUTS", "CONFIRMED").containsEntry("SMS/NEWS", "CONFIRMED");
		assertThat(withdrawalSource(helper)).isEqualTo("SMS_REPLY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "stop", " Stopp ", "ABMELDEN", "abmelden\n", "S T O P", "StopAll", "unsubscribe", "CANCEL",
			"end", "Quit" })
	void stopKeywords_ignoreCaseAndWhitespace(String text) {
		UUID helper = seedHelper(true);
		signed(SMS_PATH, sms(mobileOf(helper), text)).expectStatus().isOk();
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "WITHDRAWN");
	}

	@Test
	void customStopKeyword_classifiedByTwilio_withdrawsSmsConsents() {
		UUID helper = seedHelper(true);
		Map<String, String> form = sms(mobileOf(helper), "HALT");
		form.put("OptOutType", "STOP");
		signed(SMS_PATH, form).expectStatus().isOk();
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "WITHDRAWN");
	}

	@Test
	void otherText_changesNoConsent() {
		UUID helper = seedHelper(true);
		signed(SMS_PATH, sms(mobileOf(helper), "Stop the car")).expectStatus().isOk();
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "CONFIRMED");
	}

	@Test
	void start_afterStop_grantsCalloutsBySmsAgain_confirmedUnderTheCurrentText() {
		UUID helper = seedHelper(true);
		signed(SMS_PATH, sms(mobileOf(helper), "STOP")).expectStatus().isOk();
		signed(SMS_PATH, sms(mobileOf(helper), " start ")).expectStatus().isOk();
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "CONFIRMED").containsEntry("SMS/NEWS", "WITHDRAWN");
		assertThat(this.database.sql(
				"select text_version from consent_state where helper_id = :id and channel = 'SMS' and purpose = 'CALLOUTS'")
			.bind("id", helper)
			.map((row) -> row.get("text_version", String.class))
			.one()
			.block(TIMEOUT)).isEqualTo("2025-12-01");
	}

	@Test
	void start_whileConsentIsInForce_addsNoEvent() {
		UUID helper = seedHelper(true);
		long before = eventCount(helper);
		signed(SMS_PATH, sms(mobileOf(helper), "START")).expectStatus().isOk();
		assertThat(eventCount(helper)).isEqualTo(before);
	}

	@Test
	void start_fromAnUnverifiedNumber_grantsNothing() {
		UUID helper = seedHelper(false);
		signed(SMS_PATH, sms(mobileOf(helper), "STOP")).expectStatus().isOk();
		signed(SMS_PATH, sms(mobileOf(helper), "START")).expectStatus().isOk();
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "WITHDRAWN");
	}

	@Test
	void repeatedMessageSid_isActedOnOnce() {
		UUID helper = seedHelper(true);
		Map<String, String> stop = sms(mobileOf(helper), "STOP");
		signed(SMS_PATH, stop).expectStatus().isOk();
		signed(SMS_PATH, sms(mobileOf(helper), "START")).expectStatus().isOk();
		long before = eventCount(helper);
		signed(SMS_PATH, stop).expectStatus().isOk().expectBody(String.class).value((body) -> {
			assertThat(body).endsWith("<Response/>");
		});
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "CONFIRMED");
		assertThat(eventCount(helper)).isEqualTo(before);
	}

	@Test
	void stop_fromANumberOfNoHelper_changesNothing_butIsAnswered() {
		long before = smsReplyEventCount();
		Map<String, String> stop = sms(uniqueMobile(), "STOP");
		signed(SMS_PATH, stop).expectStatus().isOk();
		assertThat(smsReplyEventCount()).isEqualTo(before);
		assertThat(processed(stop.get("MessageSid"))).isTrue();
	}

	@Test
	void changedParameter_isRejected_andChangesNothing() {
		UUID helper = seedHelper(true);
		Map<String, String> signedFor = sms(mobileOf(helper), "Hallo");
		Map<String, String> sent = new LinkedHashMap<>(signedFor);
		sent.put("Body", "STOP");
		assertRejected(post(SMS_PATH, sent, signature(PUBLIC_BASE_URL + SMS_PATH, signedFor, TwilioStub.authToken())),
				helper, sent);
	}

	@Test
	void wrongAuthToken_isRejected_andChangesNothing() {
		UUID helper = seedHelper(true);
		Map<String, String> stop = sms(mobileOf(helper), "STOP");
		assertRejected(post(SMS_PATH, stop, signature(PUBLIC_BASE_URL + SMS_PATH, stop, "not-the-auth-token")), helper,
				stop);
	}

	@Test
	void missingSignature_isRejected_andChangesNothing_loggingNeitherNumberNorText(CapturedOutput output) {
		UUID helper = seedHelper(true);
		Map<String, String> stop = sms(mobileOf(helper), "Bitte STOP");
		assertRejected(post(SMS_PATH, stop, null), helper, stop);
		// Whether this rejection gets a line depends on the tests before (a streak);
		// TwilioWebhookRejectionsLogTests has the lines.
		assertThat(output).doesNotContain(stop.get("From")).doesNotContain("Bitte STOP");
	}

	@Test
	void signatureOverTheHostHeadersUrl_isRejected_andChangesNothing() {
		UUID helper = seedHelper(true);
		Map<String, String> stop = sms(mobileOf(helper), "STOP");
		String hostUrl = "http://localhost:" + this.port + SMS_PATH;
		assertRejected(post(SMS_PATH, stop, signature(hostUrl, stop, TwilioStub.authToken())), helper, stop);
	}

	@Test
	void statusCallback_publishesTheMappedStatusWithReferenceAndErrorCode() {
		String sid = messageSid();
		Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003", "To",
				uniqueMobile());
		signed(STATUS_PATH + "?ref=ask-42%2F7", form).expectStatus().is2xxSuccessful();
		assertThat(reportsFor(sid)).containsExactly(new DeliveryReported("ask-42/7", sid, DeliveryStatus.UNDELIVERED,
				"30003", DeliveryFailure.UNREACHABLE));
	}

	@Test
	void statusCallback_withoutError_reportsNoErrorCode() {
		String sid = messageSid();
		signed(STATUS_PATH + "?ref=ask-1", Map.of("MessageSid", sid, "MessageStatus", "delivered", "ErrorCode", ""))
			.expectStatus()
			.is2xxSuccessful();
		assertThat(reportsFor(sid))
			.containsExactly(new DeliveryReported("ask-1", sid, DeliveryStatus.DELIVERED, null, null));
	}

	@Test
	void statusCallback_ofAnIncomingMessage_publishesNothing() {
		String sid = messageSid();
		signed(STATUS_PATH, Map.of("MessageSid", sid, "MessageStatus", "received")).expectStatus().is2xxSuccessful();
		assertThat(reportsFor(sid)).isEmpty();
	}

	@Test
	void statusCallback_withError21610_optsTheNumberOut() {
		UUID helper = seedHelper(true);
		String sid = messageSid();
		signed(STATUS_PATH + "?ref=ask-2",
				Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "21610", "To", mobileOf(helper)))
			.expectStatus()
			.is2xxSuccessful();
		assertThat(reportsFor(sid)).containsExactly(
				new DeliveryReported("ask-2", sid, DeliveryStatus.FAILED, "21610", DeliveryFailure.OPTED_OUT));
		assertThat(consents(helper)).containsEntry("SMS/CALLOUTS", "WITHDRAWN")
			.containsEntry("EMAIL/CALLOUTS", "CONFIRMED");
	}

	@Test
	void statusCallback_withATamperedReference_isRejected_andPublishesNothing() {
		String sid = messageSid();
		Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "delivered");
		String signature = signature(PUBLIC_BASE_URL + STATUS_PATH + "?ref=ask-3", form, TwilioStub.authToken());
		post(STATUS_PATH + "?ref=ask-4", form, signature).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-signature");
		assertThat(reportsFor(sid)).isEmpty();
	}

	private void assertRejected(ResponseSpec response, UUID helper, Map<String, String> form) {
		Map<String, String> before = consents(helper);
		long events = eventCount(helper);
		response.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-signature")
			.jsonPath("$.status")
			.isEqualTo(403);
		assertThat(consents(helper)).isEqualTo(before).containsEntry("SMS/CALLOUTS", "CONFIRMED");
		assertThat(eventCount(helper)).isEqualTo(events);
		assertThat(processed(form.get("MessageSid"))).isFalse();
	}

	private ResponseSpec signed(String pathAndQuery, Map<String, String> form) {
		return post(pathAndQuery, form, signature(PUBLIC_BASE_URL + pathAndQuery, form, TwilioStub.authToken()));
	}

	private ResponseSpec post(String pathAndQuery, Map<String, String> form, String signature) {
		MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
		form.forEach(body::add);
		return this.client.post()
			// As sent, without encoding it again.
			.uri(URI.create("http://localhost:" + this.port + pathAndQuery))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers((headers) -> {
				if (signature != null) {
					headers.set("X-Twilio-Signature", signature);
				}
			})
			.body(BodyInserters.fromFormData(body))
			.exchange();
	}

	/**
	 * Twilio's signature, computed here independently of the SDK: HMAC-SHA1 with the auth
	 * token over the URL followed by each parameter's name and value, sorted by name, in
	 * Base64.
	 */
	static String signature(String url, Map<String, String> form, String authToken) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> sms(String from, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("MessageSid", messageSid());
		form.put("SmsSid", form.get("MessageSid"));
		form.put("AccountSid", TwilioStub.accountSid());
		form.put("From", from);
		form.put("To", SENDER_NUMBER);
		form.put("Body", text);
		form.put("NumMedia", "0");
		return form;
	}

	private static String messageSid() {
		return "SM" + UUID.randomUUID().toString().replace("-", "");
	}

	private static String uniqueMobile() {
		return "+4917" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
	}

	/**
	 * A helper with a mobile number and an email, who agreed to callouts and news on
	 * both.
	 */
	private UUID seedHelper(boolean mobileVerified) {
		UUID id = this.database.sql("""
				insert into helper (email, email_verified_at, mobile, mobile_verified_at)
				values (:email, now(), :mobile, case when :verified then now() end)
				returning id""")
			.bind("email", UUID.randomUUID() + "@example.org")
			.bind("mobile", uniqueMobile())
			.bind("verified", mobileVerified)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
		this.database.sql("""
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				select :id, channel, purpose, action, '2025-12-01', source
				from unnest(array['EMAIL', 'SMS']) channel, unnest(array['CALLOUTS', 'NEWS']) purpose,
				     (values ('GRANTED', 'REGISTRATION', 1), ('CONFIRMED', 'VERIFICATION', 2)) step (action, source, n)
				order by n""").bind("id", id).then().block(TIMEOUT);
		return id;
	}

	private String mobileOf(UUID helper) {
		return this.database.sql("select mobile from helper where id = :id")
			.bind("id", helper)
			.map((row) -> row.get("mobile", String.class))
			.one()
			.block(TIMEOUT);
	}

	private Map<String, String> consents(UUID helper) {
		Map<String, String> consents = new TreeMap<>();
		this.database.sql("select channel, purpose, action from consent_state where helper_id = :id")
			.bind("id", helper)
			.map((row) -> Map.entry(row.get("channel", String.class) + "/" + row.get("purpose", String.class),
					row.get("action", String.class)))
			.all()
			.doOnNext((entry) -> consents.put(entry.getKey(), entry.getValue()))
			.then()
			.block(TIMEOUT);
		return consents;
	}

	private String withdrawalSource(UUID helper) {
		return this.database
			.sql("select distinct source from consent_event where helper_id = :id and action = 'WITHDRAWN'")
			.bind("id", helper)
			.map((row) -> row.get("source", String.class))
			.one()
			.block(TIMEOUT);
	}

	private long eventCount(UUID helper) {
		return this.database.sql("select count(*) as n from consent_event where helper_id = :id")
			.bind("id", helper)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private long smsReplyEventCount() {
		return this.database.sql("select count(*) as n from consent_event where source = 'SMS_REPLY'")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT);
	}

	private boolean processed(String messageSid) {
		return this.database.sql("select count(*) as n from inbound_sms where message_sid = :sid")
			.bind("sid", messageSid)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(TIMEOUT) > 0;
	}

	private List<DeliveryReported> reportsFor(String messageSid) {
		return this.reports.stream().filter((report) -> report.providerId().equals(messageSid)).toList();
	}

}
