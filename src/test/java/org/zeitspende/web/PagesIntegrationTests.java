package org.zeitspende.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PagesIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void landingPage_isGermanFirst_underAStrictPolicy() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy).startsWith("default-src 'none'; style-src 'sha256-")
						.contains("form-action 'self'", "frame-ancestors 'none'")
						.doesNotContain("unsafe", "script-src"))
			.expectBody(String.class)
			.value((html) -> assertThat(html)
				.contains("lang=\"de\"", "Helfer werden", "href=\"/h/register\"", "href=\"/login\"",
						"href=\"?lang=en\"")
				.doesNotContain("<script"));
	}

	@Test
	void english_isChosenByLink_andRemembered() {
		String cookie = this.client.get()
			.uri("/?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"en\"", "Become a helper", "href=\"?lang=de\""))
			.returnResult()
			.getResponseCookies()
			.getFirst("lang")
			.getValue();
		assertThat(cookie).isEqualTo("en");

		this.client.get()
			.uri("/h/register")
			.cookie("lang", cookie)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"en\"", "Become a helper"));
		this.client.get()
			.uri("/")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"en\""));
	}

	@Test
	void aMalformedLanguagePreference_showsThePageInGerman() {
		this.client.get()
			.uri("/")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en;q=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"de\""));
	}

	@Test
	void footer_linksWhatIsConfigured() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("href=\"https://example.org/impressum\">Impressum</a>")
				.doesNotContain(">Kontakt</a>"));
	}

	@Test
	void liveScript_isServedFromMemory() {
		this.client.get()
			.uri("/assets/live.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("EventSource"));
		this.client.get().uri("/assets/other.js").exchange().expectStatus().isNotFound();
	}

	@Test
	void addressThatLeadsNowhere_isNotFound_notTheConsolesSignIn() {
		for (String path : List.of("/nope", "/favicon.ico", "/robots.txt", "/h/nope", "/events/x/y")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("<h1>Nicht gefunden</h1>"));
		}
	}

	@Test
	void publicPages_answerHeadLikeGet() {
		this.client.head().uri("/events").exchange().expectStatus().isOk();
		this.client.head().uri("/organisations").exchange().expectStatus().isOk();
	}

	@Test
	void console_withoutSession_leadsToSignIn() {
		this.client.get()
			.uri("/console")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/login");
		this.client.get()
			.uri("/console")
			.cookie("zeitspende_session", "expired.or.forged")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/login")
			.expectCookie()
			.maxAge("zeitspende_session", Duration.ZERO);
		this.client.get().uri("/api/callouts").exchange().expectStatus().isUnauthorized();
	}

}
