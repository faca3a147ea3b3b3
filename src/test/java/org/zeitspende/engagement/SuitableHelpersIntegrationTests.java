package org.zeitspende.engagement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.Created;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suitable helpers come ranked by the documented fit score, pseudonymous, and only those
 * who may be asked now.
 */
@IntegrationTest
class SuitableHelpersIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Test
	void rankedByFit_pseudonymous_withoutPausedUnverifiedOrErasedHelpers() throws Exception {
		Tokens tokens = Tokens.of(this.environment);
		Tenant tenant = new Tenants(this.database).approved();
		String coordinator = tokens.member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);
		UUID profile = Created.id(this.client, "/api/requirement-profiles", coordinator,
				Map.of("title", "Umzüge begleiten", "activity", "umzugshilfe", "places",
						List.of("goettingen-knutbuehren"), "requiredSkills", List.of("Erste Hilfe"), "hoursPerWeek", 4,
						"commitment", "REGULAR", "volunteersSought", 2));
		HelperRows helpers = new HelperRows(this.database);
		UUID best = helpers.helper("goettingen-knutbuehren", "umzugshilfe")
			.hoursPerWeek(4)
			.skills("erste-hilfe")
			.insert();
		UUID placeOnly = helpers.helper("goettingen-knutbuehren", "dolmetschen")
			.hoursPerWeek(5)
			.skills("erste-hilfe")
			.insert();
		UUID activityOnly = helpers.helper("walkenried", "umzugshilfe").hoursPerWeek(2).insert();
		UUID paused = helpers.helper("goettingen-knutbuehren", "umzugshilfe")
			.pausedUntil(Instant.now().plus(7, ChronoUnit.DAYS))
			.insert();
		UUID unverified = helpers.helper("goettingen-knutbuehren", "umzugshilfe").emailUnverified().insert();
		UUID erased = helpers.helper("goettingen-knutbuehren", "umzugshilfe").erased().insert();
		UUID unrelated = helpers.helper("walkenried", "dolmetschen").insert();

		List<Map<String, Object>> suitable = suitable(profile, coordinator);

		List<String> mine = List.of(pseudonym(profile, best), pseudonym(profile, placeOnly),
				pseudonym(profile, activityOnly));
		assertThat(suitable).extracting((helper) -> helper.get("pseudonym"))
			.filteredOn(mine::contains)
			.containsExactlyElementsOf(mine);
		assertThat(suitable).extracting((helper) -> helper.get("pseudonym"))
			.doesNotContain(pseudonym(profile, paused), pseudonym(profile, unverified), pseudonym(profile, erased),
					pseudonym(profile, unrelated));
		Map<String, Object> first = suitable.stream()
			.filter((helper) -> helper.get("pseudonym").equals(mine.get(0)))
			.findFirst()
			.orElseThrow();
		assertThat(first).containsOnlyKeys("pseudonym", "score", "explanation")
			.containsEntry("score", 100)
			.containsEntry("explanation",
					"matches 1 of 1 skills, within your 4 h/week, in one of your places, one of your activities");
		assertThat(suitable).extracting((helper) -> (Integer) helper.get("score")).isSortedAccordingTo((x, y) -> y - x);
		assertThat(score(suitable, mine.get(1))).isEqualTo(80);
		assertThat(score(suitable, mine.get(2))).isEqualTo(40);

		Tenant other = new Tenants(this.database).approved();
		this.client.get()
			.uri("/api/requirement-profiles/{id}/suitable-helpers", profile)
			.headers((headers) -> headers
				.setBearerAuth(tokens.member(other.coordinator().id(), other.id(), Role.COORDINATOR)))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void pseudonym_staysPerProfile_differsAcrossProfiles_andIsKeyed() throws Exception {
		Tokens tokens = Tokens.of(this.environment);
		Tenant tenant = new Tenants(this.database).approved();
		String coordinator = tokens.member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);
		Map<String, Object> body = Map.of("title", "Wohnung finden", "activity", "wohnungssuche", "places",
				List.of("bad-lauterberg"), "hoursPerWeek", 2, "commitment", "REGULAR", "volunteersSought", 1);
		UUID first = Created.id(this.client, "/api/requirement-profiles", coordinator, body);
		UUID second = Created.id(this.client, "/api/requirement-profiles", coordinator, body);
		UUID helper = new HelperRows(this.database).helper("bad-lauterberg", "wohnungssuche").insert();

		String shown = pseudonym(first, helper);
		assertThat(pseudonyms(first, coordinator)).contains(shown);
		assertThat(pseudonyms(first, coordinator)).as("stable per profile").contains(shown);
		assertThat(pseudonyms(second, coordinator)).as("another in another profile")
			.contains(pseudonym(second, helper))
			.doesNotContain(shown);
		assertThat(shown).isNotEqualTo(pseudonym(second, helper));
		assertThat(pseudonyms(first, coordinator)).as("not a plain SHA-256 of the ids")
			.doesNotContain(unkeyedPseudonym(first, helper));
	}

	private List<Object> pseudonyms(UUID profile, String token) {
		return suitable(profile, token).stream().map((helper) -> helper.get("pseudonym")).toList();
	}

	private List<Map<String, Object>> suitable(UUID profile, String token) {
		return this.client.get()
			.uri("/api/requirement-profiles/{id}/suitable-helpers?limit=100", profile)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static Object score(List<Map<String, Object>> suitable, String pseudonym) {
		return suitable.stream()
			.filter((helper) -> helper.get("pseudonym").equals(pseudonym))
			.findFirst()
			.orElseThrow()
			.get("score");
	}

	// Recomputed with the configured key, apart from the service's code.
	private String pseudonym(UUID profile, UUID helper) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.environment.getRequiredProperty("zeitspende.callouts.pseudonym-secret")
			.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] hash = mac.doFinal((profile + ":" + helper).getBytes(StandardCharsets.UTF_8));
		return "S-" + HexFormat.of().formatHex(hash, 0, 4).toUpperCase(Locale.ROOT);
	}

	private static String unkeyedPseudonym(UUID profile, UUID helper) throws Exception {
		byte[] hash = MessageDigest.getInstance("SHA-256")
			.digest((profile + "/" + helper).getBytes(StandardCharsets.US_ASCII));
		return "S-" + HexFormat.of().formatHex(hash, 0, 4).toUpperCase(Locale.ROOT);
	}

}
