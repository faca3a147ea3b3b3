package org.zeitspende.callout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelperPseudonymsTests {

	private static final UUID HELPER = UUID.randomUUID();

	private static final UUID SCOPE = UUID.randomUUID();

	private final HelperPseudonyms pseudonyms = pseudonyms("test-secret");

	@Test
	void sameScopeAndHelper_giveTheSamePseudonym() {
		assertThat(this.pseudonyms.of(SCOPE, HELPER)).isEqualTo(pseudonyms("test-secret").of(SCOPE, HELPER))
			.matches("[0-9a-f]{16}");
	}

	@Test
	void anotherScope_givesAnotherPseudonym() {
		assertThat(this.pseudonyms.of(UUID.randomUUID(), HELPER)).isNotEqualTo(this.pseudonyms.of(SCOPE, HELPER));
	}

	@Test
	void withoutTheKey_thePseudonymCannotBeRecomputed() throws Exception {
		String pseudonym = this.pseudonyms.of(SCOPE, HELPER);
		for (String unkeyed : new String[] { SCOPE + ":" + HELPER, SCOPE + "/" + HELPER }) {
			byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(unkeyed.getBytes(StandardCharsets.UTF_8));
			assertThat(HexFormat.of().formatHex(sha256)).doesNotContain(pseudonym);
		}
		assertThat(pseudonyms("another-secret").of(SCOPE, HELPER)).isNotEqualTo(pseudonym);
	}

	private static HelperPseudonyms pseudonyms(String secret) {
		return new HelperPseudonyms(new CalloutProperties(0.2, 50, Duration.ofMinutes(1), secret));
	}

}
