package org.zeitspende.confirmation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ask links are found by a mapping of their own, before the service's other two hundred;
 * what a client sees stays the same: the same handlers and the same errors for a wrong
 * method or format ({@code OperationsIntegrationTests} checks they stay in the API
 * description).
 */
@IntegrationTest
class AskLinkMappingIntegrationTests {

	@Autowired
	AskLinkMapping mapping;

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Test
	void linkRequests_findTheirHandlerHere_othersPassOn() {
		String token = AskRows.token();

		assertHandler(MockServerHttpRequest.post("/api/asks/{token}/accept", token), AskController.class, "accept");
		assertHandler(MockServerHttpRequest.get("/api/asks/{token}", token), AskController.class, "get");
		assertHandler(MockServerHttpRequest.head("/c/{token}", token), AskPage.class, "show");
		assertHandler(MockServerHttpRequest.post("/c/{token}", token), AskPage.class, "answer");
		StepVerifier
			.create(this.mapping.getHandler(MockServerWebExchange.from(MockServerHttpRequest.get("/api/places"))))
			.verifyComplete();
		StepVerifier
			.create(this.mapping.getHandler(MockServerWebExchange.from(MockServerHttpRequest.get("/api/askslist"))))
			.verifyComplete();
	}

	@Test
	void aLinkWithTheWrongMethodOrFormat_getsTheUsualProblem() {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id());
		String token = new AskRows(this.database).asked(callout, 1).get(0).token();

		this.client.get()
			.uri("/api/asks/{token}/accept", token)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Allow", "POST");
		this.client.get()
			.uri("/c/{token}", token)
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/c/{token}", token).exchange().expectStatus().isOk();
		assertThat(this.database.sql("select count(*) from confirmation where callout_id = :id")
			.bind("id", callout)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	private void assertHandler(MockServerHttpRequest.BaseBuilder<?> request, Class<?> controller, String method) {
		StepVerifier.create(this.mapping.getHandler(MockServerWebExchange.from(request))).assertNext((handler) -> {
			assertThat(handler).isInstanceOf(HandlerMethod.class);
			assertThat(((HandlerMethod) handler).getBeanType()).isEqualTo(controller);
			assertThat(((HandlerMethod) handler).getMethod().getName()).isEqualTo(method);
		}).verifyComplete();
	}

}
