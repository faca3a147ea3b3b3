package org.zeitspende.helper;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.PageForms;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegistrationPagesIntegrationTests {

	private static final Pattern CODE = Pattern.compile("Code ist (\\d{6})");

	@Autowired
	private WebTestClient client;

	@Test
	void form_withoutCsrfToken_isRefused() {
		this.client.post()
			.uri("/h/register")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields("someone@example.org", "")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void invalidForm_marksEachFieldWhereItIs_andKeepsWhatWasTyped() {
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> form = browser.get("/h/register");
		assertThat(form.getResponseBody()).contains("name=\"_csrf\"", "<label for=\"email\">E-Mail-Adresse</label>");
		MultiValueMap<String, String> fields = fields("not-an-email", "");
		fields.remove("places");
		fields.set("hoursPerWeek", "4 Stunden");

		EntityExchangeResult<String> answer = browser.post(form, "/h/register", fields);

		assertThat(answer.getStatus().value()).isEqualTo(400);
		assertThat(answer.getResponseBody()).contains("role=\"alert\"", "id=\"email-error\"",
				"Bitte geben Sie eine gültige E-Mail-Adresse an", "id=\"places-error\"",
				"Bitte wählen Sie mindestens einen Ort.", "id=\"hoursPerWeek-error\"", "value=\"not-an-email\"",
				"value=\"4 Stunden\"", "value=\"CALLOUTS\" checked", "value=\"ONE_OFF\" checked",
				"aria-invalid=\"true\"");
	}

	@Test
	void formWithoutContact_namesTheMissingContact_withTheOtherInvalidFields() {
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> form = browser.get("/h/register");
		MultiValueMap<String, String> fields = fields("", "");
		fields.remove("places");

		EntityExchangeResult<String> answer = browser.post(form, "/h/register", fields);

		assertThat(answer.getStatus().value()).isEqualTo(400);
		assertThat(answer.getResponseBody()).contains("id=\"places-error\"", "id=\"email-error\"",
				"oder eine Handynummer");
	}

	@Test
	void mobileRegistration_asksForTheSmsCode_marksAWrongOne_andSaysYoureIn() {
		String mobile = "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> form = browser.get("/h/register");

		EntityExchangeResult<String> sent = browser.post(form, "/h/register", fields("", mobile));
		assertThat(sent.getStatus().value()).isEqualTo(200);
		assertThat(sent.getResponseBody()).contains("Fast geschafft", "action=\"/h/register/code\"",
				"value=\"" + mobile + "\"");

		MultiValueMap<String, String> wrong = new LinkedMultiValueMap<>();
		wrong.add("mobile", mobile);
		wrong.add("code", "12345");
		EntityExchangeResult<String> again = browser.post(sent, "/h/register/code", wrong);
		assertThat(again.getStatus().value()).isEqualTo(400);
		assertThat(again.getResponseBody()).contains("Der Code stimmt nicht", "aria-invalid=\"true\"");

		MultiValueMap<String, String> right = new LinkedMultiValueMap<>();
		right.add("mobile", mobile);
		right.add("code", codeSentTo(mobile));
		EntityExchangeResult<String> done = browser.post(again, "/h/register/code", right);
		assertThat(done.getStatus().value()).isEqualTo(200);
		assertThat(done.getResponseBody()).contains("Sie sind dabei!");
	}

	@Test
	void emailRegistration_saysWhereToLook_inEnglishWhenChosen() {
		PageForms browser = new PageForms(this.client);
		EntityExchangeResult<String> form = browser.get("/h/register?lang=en");
		EntityExchangeResult<String> sent = browser.post(form, "/h/register",
				fields("pages-" + UUID.randomUUID() + "@example.org", ""));
		assertThat(sent.getResponseBody()).contains("lang=\"en\"", "Almost done", "We have sent you an email")
			.doesNotContain("/h/register/code");
	}

	private String codeSentTo(String mobile) {
		String inbox = this.client.get()
			.uri((uri) -> uri.path("/api/dev/inbox").queryParam("to", "{to}").build(mobile))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher code = CODE.matcher(String.valueOf(inbox));
		assertThat(code.find()).as("an SMS code to %s", mobile).isTrue();
		return code.group(1);
	}

	private static MultiValueMap<String, String> fields(String email, String mobile) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("email", email);
		fields.add("mobile", mobile);
		fields.add("places", "goettingen");
		fields.add("activities", "kleiderkammer");
		fields.add("hoursPerWeek", "4");
		fields.add("commitment", "ONE_OFF");
		fields.add("consents", "CALLOUTS");
		return fields;
	}

}
