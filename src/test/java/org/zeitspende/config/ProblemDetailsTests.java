package org.zeitspende.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@WebFluxTest(controllers = ProblemDetailsTests.ProbeController.class,
		properties = { "zeitspende.embedded.enabled=false", "zeitspende.web.max-request-size=1KB" })
@Import({ ProblemDetailsTests.ProbeController.class, StrictJson.class })
class ProblemDetailsTests {

	@Autowired
	WebTestClient client;

	@Test
	void invalidFields_areEachNamedWithTheirReason() {
		post("{\"name\": \"\", \"needed\": 0, \"email\": \"not-an-email\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://zeitspende.org/problems/invalid-request")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.isEqualTo("3 fields are invalid.")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("email", "name", "needed"))
			.jsonPath("$.errors[?(@.field == 'needed')].reason")
			.isEqualTo("must be greater than or equal to 1");
	}

	@Test
	void invalidPathVariable_isNamed() {
		this.client.get()
			.uri("/probe/0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("number");
	}

	@Test
	void formDataWithABrokenPercentEncoding_answers400() {
		assertProblem(this.client.post()
			.uri("/probe/form")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("name=%ZZ")
			.exchange(), HttpStatus.BAD_REQUEST, "The form data is not validly encoded.");
	}

	@Test
	void malformedJson_answers400() {
		assertProblem(post("{\"name\": "), HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
	}

	@Test
	void malformedJsonWithinAValue_isMalformedJson_notAFieldProblem() {
		assertProblem(post("{\"name\": \"Ada"), HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
		assertProblem(post("{\"name\": \"A\\qda\", \"needed\": 2}"), HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON.");
		assertProblem(post("{\"name\": \"Ada\", \"needed\": 2,}"), HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON.");
	}

	@Test
	void unknownField_isRejectedByName() {
		assertProblem(post("{\"name\": \"Ada\", \"needed\": 2, \"nickname\": \"x\"}"), HttpStatus.BAD_REQUEST,
				"Unknown field 'nickname'.");
	}

	@Test
	void wrongType_namesTheField() {
		assertProblem(post("{\"name\": \"Ada\", \"needed\": \"many\"}"), HttpStatus.BAD_REQUEST,
				"Field 'needed' has the wrong type or format.");
	}

	@Test
	void scalarsOfAnotherKind_areNotConverted_butNamed() {
		assertProblem(post("{\"name\": \"Ada\", \"needed\": 2.5}"), HttpStatus.BAD_REQUEST,
				"Field 'needed' has the wrong type or format.");
		assertProblem(post("{\"name\": \"Ada\", \"needed\": \"2\"}"), HttpStatus.BAD_REQUEST,
				"Field 'needed' has the wrong type or format.");
		assertProblem(post("{\"name\": 12345, \"needed\": 2}"), HttpStatus.BAD_REQUEST,
				"Field 'name' has the wrong type or format.");
		assertProblem(post("{\"name\": true, \"needed\": 2}"), HttpStatus.BAD_REQUEST,
				"Field 'name' has the wrong type or format.");
		assertProblem(post("{\"name\": \"Ada\", \"needed\": 2, \"kind\": 1}"), HttpStatus.BAD_REQUEST,
				"Field 'kind' has the wrong type or format.");
	}

	@Test
	void numberBeyondItsType_namesTheField() {
		assertProblem(post("{\"name\": \"Ada\", \"needed\": 99999999999}"), HttpStatus.BAD_REQUEST,
				"Field 'needed' is a number out of range.");
	}

	@Test
	void pathOrQueryParameterOfTheWrongType_isNamedWithWhatItTakes() {
		this.client.get()
			.uri("/probe/many")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("number")
			.jsonPath("$.errors[0].reason")
			.isEqualTo("must be a whole number");
		this.client.get()
			.uri("/probe/kind?kind=FAX")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kind")
			.jsonPath("$.errors[0].reason")
			.isEqualTo("must be one of SMS, EMAIL");
	}

	@Test
	void unknownRoute_answers404() {
		assertProblem(this.client.get().uri("/api/no-such-thing").exchange(), HttpStatus.NOT_FOUND,
				"There is nothing at this path.");
	}

	@Test
	void wrongMediaType_answers415() {
		assertProblem(this.client.post().uri("/probe").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
	}

	@Test
	void wrongMethod_answers405() {
		assertProblem(this.client.delete().uri("/probe").exchange(), HttpStatus.METHOD_NOT_ALLOWED, null);
	}

	@Test
	void bodyOverTheLimit_answers413() {
		String name = "x".repeat(2048);
		assertProblem(post("{\"name\": \"" + name + "\", \"needed\": 1}"), HttpStatus.CONTENT_TOO_LARGE, null);
	}

	@Test
	void unexpectedError_answers500WithoutInternals() {
		WebTestClient.ResponseSpec response = this.client.get().uri("/probe/fail").exchange();
		assertProblem(response, HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	@Test
	void databaseBusyOrUnreachable_answers503WithRetryAfter() {
		for (String path : List.of("/probe/busy", "/probe/unreachable")) {
			WebTestClient.ResponseSpec response = this.client.get().uri(path).exchange();
			response.expectHeader().valueEquals("Retry-After", "5");
			assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE,
					"The service is busy or its database is briefly unreachable. Try again in a few seconds.");
		}
	}

	@Test
	void aClientGoneBeforeTheAnswer_isNoError(CapturedOutput output) {
		this.client.get().uri("/probe/gone").exchange().expectBody().isEmpty();

		assertThat(output).doesNotContain("Unexpected error", "AbortedException");
	}

	private WebTestClient.ResponseSpec post(String json) {
		return this.client.post().uri("/probe").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	private static void assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
		String body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"status\":" + status.value())
			.doesNotContain("Exception", "org.springframework", "java.", "\tat ", "secret internals");
		if (detail != null) {
			assertThat(body).contains("\"detail\":\"" + detail + "\"");
		}
	}

	enum Kind {

		SMS, EMAIL

	}

	record ProbeRequest(@NotBlank @Size(max = 4000) String name, @Min(1) @Max(500) int needed, @Email String email,
			Kind kind) {
	}

	@RestController
	static class ProbeController {

		@PostMapping("/probe")
		Mono<ProbeRequest> echo(@Valid @RequestBody ProbeRequest request) {
			return Mono.just(request);
		}

		@GetMapping("/probe/fail")
		Mono<String> fail() {
			return Mono.error(new IllegalStateException("secret internals"));
		}

		// What a pool that waited too long for a connection, or a lost database, raises.
		@GetMapping("/probe/busy")
		Mono<String> busy() {
			return Mono.error(new QueryTimeoutException("secret internals"));
		}

		@GetMapping("/probe/unreachable")
		Mono<String> unreachable() {
			return Mono.error(new DataAccessResourceFailureException("secret internals"));
		}

		// What Reactor Netty raises when the client closed the connection first.
		@GetMapping("/probe/gone")
		Mono<String> gone() {
			return Mono.error(AbortedException.beforeSend());
		}

		@PostMapping(path = "/probe/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
		Mono<String> form(ServerWebExchange exchange) {
			return exchange.getFormData().map((form) -> String.valueOf(form.getFirst("name")));
		}

		@GetMapping("/probe/kind")
		Mono<Kind> kind(@RequestParam Kind kind) {
			return Mono.just(kind);
		}

		@GetMapping("/probe/{number}")
		Mono<Integer> number(@PathVariable @Min(1) int number) {
			return Mono.just(number);
		}

	}

}
