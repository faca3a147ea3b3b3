package org.zeitspende.web;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.config.TemporarilyUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that asked for a page gets a page when the request fails, where the API
 * answers with problem details; neither shows what failed inside.
 */
@WebFluxTest(controllers = ProblemPagesTests.ProbeController.class, properties = "zeitspende.embedded.enabled=false")
@Import({ ProblemPagesTests.ProbeController.class, Pages.class, PageMessages.class })
@EnableConfigurationProperties(WebProperties.class)
class ProblemPagesTests {

	@Autowired
	WebTestClient client;

	@Test
	void aPageWhoseDatabaseIsOutOfReach_isAPageAskingToTryAgain_with503AndRetryAfter() {
		assertThat(unavailablePage("/probe/unreachable", "de"))
			.contains("<h1>Gerade nicht erreichbar</h1>", "in ein paar Sekunden noch einmal")
			.doesNotContain("secret internals");
	}

	@Test
	void aPageWhoseFeatureIsUnavailableForAMoment_isThePageAskingToTryAgain() {
		assertThat(unavailablePage("/probe/busy", "en")).contains("<h1>Not reachable right now</h1>")
			.doesNotContain("secret internals");
	}

	@Test
	void aPageThatFails_isAPageNamingTheRequestToQuote_with500() {
		String body = page("/probe/fail", "de").expectStatus()
			.isEqualTo(500)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("<h1>Etwas ist schiefgelaufen</h1>")
			.containsPattern("nennen Sie bitte die Anfrage [\\w-]+\\.")
			.doesNotContain("secret internals", "Exception", "\tat ");
	}

	@Test
	void aClientThatDoesNotAskForHtml_getsProblemDetailsOutsideTheApiToo() {
		this.client.get()
			.uri("/probe/fail")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/internal-error");
	}

	@Test
	void theApi_stillAnswersProblemDetails() {
		this.client.get()
			.uri("/api/probe/unreachable")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/temporarily-unavailable");
	}

	private String unavailablePage(String path, String language) {
		return page(path, language).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec page(String path, String language) {
		WebTestClient.ResponseSpec response = this.client.get()
			.uri(path + "?lang=" + language)
			.accept(MediaType.TEXT_HTML)
			.exchange();
		response.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
		return response;
	}

	@RestController
	static class ProbeController {

		@GetMapping({ "/probe/unreachable", "/api/probe/unreachable" })
		Mono<String> unreachable() {
			return Mono.error(new DataAccessResourceFailureException("secret internals"));
		}

		@GetMapping("/probe/busy")
		Mono<String> busy() {
			return Mono.error(new TemporarilyUnavailableException("secret internals",
					new IllegalStateException("secret internals")));
		}

		@GetMapping("/probe/fail")
		Mono<String> fail() {
			return Mono.error(new IllegalStateException("secret internals"));
		}

	}

}
