package org.zeitspende.organisation;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Netzwerk Willkommen Göttingen|netzwerk-willkommen-goettingen
			Helferkreis Duderstadt e.V.|helferkreis-duderstadt-e-v
			  Straßen-Café ÜBER Grenzen  |strassen-cafe-ueber-grenzen
			Caritas São Paulo|caritas-sao-paulo
			!!|organisation
			""")
	void slugFromName_isLowerCaseAscii(String name, String slug) {
		assertThat(Slugs.fromName(name)).isEqualTo(slug).matches("[a-z0-9-]{2,64}");
	}

	@Test
	void slugFromAVeryLongName_leavesRoomForANumber() {
		assertThat(Slugs.fromName("Verein ".repeat(30))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH - 4)
			.doesNotEndWith("-");
	}

	@Test
	void takenSlugs_getTheNextFreeNumber() {
		assertThat(Slugs.firstFree("tafel", Set.of())).isEqualTo("tafel");
		assertThat(Slugs.firstFree("tafel", Set.of("tafel", "tafel-2", "tafel-4"))).isEqualTo("tafel-3");
	}

}
