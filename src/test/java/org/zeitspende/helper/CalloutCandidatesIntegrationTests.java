package org.zeitspende.helper;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.testing.HelperRows;
import org.zeitspende.testing.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CalloutCandidatesIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PLACE = "goettingen-weende";

	private static final String ACTIVITY = "fahrdienst";

	@Autowired
	CalloutCandidates candidates;

	@Autowired
	DatabaseClient database;

	HelperRows helpers;

	// Each test's own skill keeps other tests' helpers out of its results.
	String skill;

	@BeforeEach
	void setUp() {
		this.helpers = new HelperRows(this.database);
		this.skill = "probe-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void find_selectsExactlyTheHelpersWhoMatchInEveryRespect() {
		Instant now = Instant.now();
		UUID matching = helper().insert();
		UUID ofTheCity = helper().places("goettingen").insert();
		Set<UUID> others = Set.of(helper().places("bovenden").insert(), helper().activities("kleiderkammer").insert(),
				helper().emailUnverified().insert(), helper().emailConsentWithdrawn().insert(),
				helper().pausedUntil(now.plus(Duration.ofDays(3))).insert(), helper().erased().insert(),
				helper().maxAsksPerWeek(0).insert(), helper().languages("de").insert(), helper().skills().insert());
		UUID pauseOver = helper().pausedUntil(now.minus(Duration.ofDays(1))).insert();

		this.candidates.find(criteria(Set.of("de", "ar"), now))
			.map(Candidate::helperId)
			.collect(Collectors.toSet())
			.as(StepVerifier::create)
			.assertNext((found) -> assertThat(found).containsExactlyInAnyOrder(matching, ofTheCity, pauseOver)
				.doesNotContainAnyElementsOf(others))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void find_usesThePreferredChannelWhenItQualifies_elseTheOther() {
		Instant now = Instant.now();
		UUID prefersSms = helper().mobile().prefers("SMS").insert();
		UUID prefersUnverifiedSms = helper().mobileUnverified().prefers("SMS").insert();
		UUID prefersEmail = helper().mobile().prefers("EMAIL").insert();
		UUID smsOnly = helper().withoutEmail().mobile().prefers("SMS").insert();
		UUID emailWithdrawnSmsLeft = helper().emailConsentWithdrawn().mobile().prefers("EMAIL").insert();
		UUID neither = helper().emailUnverified().mobileUnverified().insert();

		this.candidates.find(criteria(Set.of(), now))
			.collectMap(Candidate::helperId, Candidate::channel)
			.as(StepVerifier::create)
			.assertNext((channels) -> assertThat(channels).containsEntry(prefersSms, Channel.SMS)
				.containsEntry(prefersUnverifiedSms, Channel.EMAIL)
				.containsEntry(prefersEmail, Channel.EMAIL)
				.containsEntry(smsOnly, Channel.SMS)
				.containsEntry(emailWithdrawnSmsLeft, Channel.SMS)
				.doesNotContainKey(neither))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void find_carriesQuietHoursInTheHelpersZone_withoutExcludingAnyone() {
		UUID nightOwl = helper().quietHours("22:00", "07:00", "Europe/Berlin").insert();
		UUID noQuietHours = helper().insert();
		Instant berlinNight = Instant.parse("2026-01-16T01:00:00Z");

		this.candidates.find(criteria(Set.of(), Instant.now()))
			.collectMap(Candidate::helperId)
			.as(StepVerifier::create)
			.assertNext((found) -> {
				assertThat(found).containsOnlyKeys(nightOwl, noQuietHours);
				assertThat(found.get(nightOwl).quietAt(berlinNight)).isTrue();
				assertThat(found.get(noQuietHours).quietAt(berlinNight)).isFalse();
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	private HelperRows.Builder helper() {
		return this.helpers.helper(PLACE, ACTIVITY).languages("de", "ar").skills(this.skill);
	}

	private CandidateCriteria criteria(Set<String> languages, Instant at) {
		return new CandidateCriteria(PLACE, ACTIVITY, languages, Set.of(this.skill), at);
	}

}
