package org.zeitspende.engagement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitTests {

	@Test
	void of_fullMatch_scores100_andSaysWhy() {
		Fit fit = Fit.of(profile(4, List.of("goettingen-grone"), List.of("fuehrerschein", "erste-hilfe")),
				new Seeker(6, List.of("goettingen-grone"), List.of("fahrdienst"),
						List.of("erste-hilfe", "fuehrerschein", "kochen"), List.of("de")));
		assertThat(fit.score()).isEqualTo(100);
		assertThat(fit.explanation())
			.isEqualTo("matches 2 of 2 skills, within your 6 h/week, in one of your places, one of your activities");
	}

	@Test
	void of_weighsEachPartAsDocumented() {
		// time 4/8 × 40 = 20, skills 3/4 × 20 = 15, place 0, activity 20.
		Fit fit = Fit.of(profile(8, List.of("duderstadt"), List.of("a1", "b2", "c3", "d4")), new Seeker(4,
				List.of("goettingen-grone"), List.of("fahrdienst"), List.of("a1", "b2", "c3"), List.of("de")));
		assertThat(fit.score()).isEqualTo(55);
		assertThat(fit.explanation()).isEqualTo(
				"matches 3 of 4 skills, needs 8 h/week, more than your 4, not in your places, one of your activities");
	}

	@Test
	void of_profileWithoutPlacesOrSkills_fitsAnyPlaceAndAnySkills() {
		Fit fit = Fit.of(profile(2, List.of(), List.of()),
				new Seeker(0, List.of(), List.of("kleiderkammer"), List.of(), List.of("de")));
		// time 0/2 × 40 = 0, skills 20, place 20, activity 0.
		assertThat(fit.score()).isEqualTo(40);
		assertThat(fit.explanation()).isEqualTo(
				"needs no particular skills, needs 2 h/week, more than your 0, at any place, not one of your activities");
	}

	@Test
	void of_roundsToTheNearestWholeNumber() {
		// time 40, skills 1/3 × 20 = 6.67, place 20, activity 20.
		assertThat(Fit
			.of(profile(1, List.of(), List.of("a1", "b2", "c3")),
					new Seeker(1, List.of(), List.of("fahrdienst"), List.of("a1"), List.of("de")))
			.score()).isEqualTo(87);
	}

	@Test
	void of_countsRequiredLanguagesLikeRequiredSkills_andSaysHowManyAreSpoken() {
		// time 40, skills and languages (1 + 1) / (2 + 2) × 20 = 10, place 20, activity
		// 20.
		Fit fit = Fit.of(profile(4, List.of(), List.of("fuehrerschein", "kochen"), List.of("de", "ar", "uk")),
				new Seeker(4, List.of(), List.of("fahrdienst"), List.of("kochen"), List.of("de", "en")));
		assertThat(fit.score()).isEqualTo(88);
		assertThat(fit.explanation()).isEqualTo("matches 1 of 2 skills, speaks 1 of 3 required languages, "
				+ "within your 4 h/week, at any place, one of your activities");
	}

	@Test
	void of_requiredLanguagesWithoutSkills_aloneDecideThatPart() {
		// time 40, languages 0 / 1 × 20 = 0, place 20, activity 20; helpful languages do
		// not count.
		Fit fit = Fit.of(profile(4, List.of(), List.of(), List.of("ar")),
				new Seeker(4, List.of(), List.of("fahrdienst"), List.of(), List.of("en")));
		assertThat(fit.score()).isEqualTo(80);
		assertThat(fit.explanation()).isEqualTo("needs no particular skills, speaks 0 of 1 required languages, "
				+ "within your 4 h/week, at any place, one of your activities");
	}

	static RequirementProfile profile(int hours, List<String> places, List<String> skills) {
		return profile(hours, places, skills, List.of());
	}

	static RequirementProfile profile(int hours, List<String> places, List<String> skills,
			List<String> requiredLanguages) {
		Instant now = Instant.now();
		return new RequirementProfile(UUID.randomUUID(), UUID.randomUUID(), "Fahrdienst", "", "fahrdienst", places,
				skills, List.of(), requiredLanguages, List.of("en"), hours, Commitment.REGULAR, null, false, null, "",
				null, 1, ProfileStatus.OPEN, now, now);
	}

}
