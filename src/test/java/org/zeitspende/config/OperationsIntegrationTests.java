package org.zeitspende.config;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OperationsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void readiness_checksPostgresAndRedis() {
		this.client.get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.redis.status")
			.isEqualTo("UP");
	}

	@Test
	void liveness_isUp() {
		this.client.get()
			.uri("/livez")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheus_exportsHttpJvmAndProviderMetrics() {
		this.client.get().uri("/api/places").exchange().expectStatus().isOk();
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
				"r2dbc_pool_acquired_connections");
		assertThat(metrics).as("the providers' resilience, which README's operating section names")
			.contains("resilience4j_circuitbreaker_state{name=\"twilio\",state=\"open\"}",
					"resilience4j_circuitbreaker_not_permitted_calls_total{kind=\"not_permitted\",name=\"smtp\"}",
					"resilience4j_retry_calls_total{kind=\"failed_with_retry\",name=\"twilio\"}",
					"resilience4j_timelimiter_calls_total{kind=\"timeout\",name=\"smtp\"}");
	}

	@Test
	void info_showsTheBuild() {
		this.client.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("zeitspende");
	}

	@Test
	void openApiDocument_describesTheApi() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("Zeitspende API")
			.jsonPath("$.paths['/api/places'].get")
			.exists()
			// Found by a handler mapping of their own, still described.
			.jsonPath("$.paths['/api/asks/{token}/accept'].post")
			.exists()
			.jsonPath("$.components.schemas.ScoredProfile.properties.explanation")
			.exists()
			.jsonPath("$.components.schemas.ScoredProfile.properties.fit")
			.doesNotExist()
			.jsonPath("$.components.schemas.InterestedHelper.properties.fit")
			.doesNotExist();
	}

	@Test
	void apiDocumentationUi_isServed() {
		this.client.get()
			.uri("/swagger-ui/index.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("swagger-ui"));
	}

}
