package org.zeitspende.reference;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zeitspende.config.InvalidField;

import static org.assertj.core.api.Assertions.assertThat;

class SkillsTests {

	@Test
	void normalise_lowerCasesJoinsWithDashes_andDropsRepeats() {
		List<InvalidField> errors = new ArrayList<>();
		List<String> skills = Skills.normalise(List.of(" Erste  Hilfe ", "erste-hilfe", "Führerschein (B)"), "skills",
				errors);
		assertThat(skills).containsExactly("erste-hilfe", "führerschein-b");
		assertThat(errors).isEmpty();
	}

	@Test
	void normalise_tooShortOrTooLong_namesTheFieldAndIndex() {
		List<InvalidField> errors = new ArrayList<>();
		List<String> skills = Skills.normalise(List.of("ok", "!", "x".repeat(41)), "requiredSkills", errors);
		assertThat(skills).containsExactly("ok");
		assertThat(errors).extracting(InvalidField::field).containsExactly("requiredSkills[1]", "requiredSkills[2]");
	}

}
