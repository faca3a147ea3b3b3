package org.zeitspende.demo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = "zeitspende.demo.enabled=true")
class DemoDataIntegrationTests {

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	DemoData demoData;

	@Autowired
	WebTestClient client;

	@Test
	void demoData_seedsTwoOrganisationsAndFortyHelpers() {
		assertThat(demoCounts()).isEqualTo(new DemoCounts(2, 40, 40));
	}

	@Test
	void demoData_seedsEachHelperWithPlacesActivitiesAndLanguages() {
		Long incomplete = this.database.sql("""
				select count(*) from helper h where h.email like 'helfer%@example.org' and (
				    not exists (select 1 from helper_place p where p.helper_id = h.id)
				    or not exists (select 1 from helper_activity a where a.helper_id = h.id)
				    or not exists (select 1 from helper_language l where l.helper_id = h.id))""")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(incomplete).isZero();
	}

	@Test
	void demoData_isInTheRotation() {
		UUID firstHelper = this.database.sql("select id from helper where email = 'helfer1@example.org'")
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(Duration.ofSeconds(10));
		Double score = this.redis.opsForZSet().score("rotation", firstHelper.toString()).block(Duration.ofSeconds(10));
		assertThat(score).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin@willkommen-goettingen.example.org",
			"koordination@willkommen-goettingen.example.org", "admin@helferkreis-duderstadt.example.org",
			"koordination@helferkreis-duderstadt.example.org", "betrieb@zeitspende.example.org" })
	void demoLogins_signInWithTheDemoPassword(String email) {
		this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "password", "zeitspende-demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.access_token")
			.isNotEmpty();
	}

	@Test
	void demoData_runTwice_changesNothing() throws Exception {
		DemoCounts before = demoCounts();
		this.demoData.run(null);
		assertThat(demoCounts()).isEqualTo(before);
	}

	private DemoCounts demoCounts() {
		return this.database
			.sql("""
					select (select count(*) from organisation where slug in ('willkommen-goettingen', 'helferkreis-duderstadt')),
					       (select count(*) from helper where email like 'helfer%@example.org'),
					       (select count(distinct helper_id) from helper_place p join helper h on h.id = p.helper_id
					        where h.email like 'helfer%@example.org')""")
			.map((row) -> new DemoCounts(row.get(0, Long.class), row.get(1, Long.class), row.get(2, Long.class)))
			.one()
			.block(Duration.ofSeconds(10));
	}

	record DemoCounts(long organisations, long helpers, long helpersWithPlaces) {
	}

}
