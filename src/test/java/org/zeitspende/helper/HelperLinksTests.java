package org.zeitspende.helper;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.zeitspende.dispatch.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class HelperLinksTests {

	private final HelperLinks links = links("secret");

	@Test
	void unsubscribeToken_readsBackHelperAndChannel() {
		UUID helper = UUID.randomUUID();
		String token = this.links.unsubscribeToken(helper, Channel.SMS);
		assertThat(this.links.readUnsubscribe(token)).contains(new HelperLinks.Unsubscribe(helper, Channel.SMS));
	}

	@Test
	void unsubscribeToken_signedWithAnotherSecret_isRejected() {
		String forged = links("another secret").unsubscribeToken(UUID.randomUUID(), Channel.EMAIL);
		assertThat(this.links.readUnsubscribe(forged)).isEmpty();
	}

	@Test
	void unsubscribeToken_withAChangedHelper_isRejected() {
		byte[] token = Base64.getUrlDecoder().decode(this.links.unsubscribeToken(UUID.randomUUID(), Channel.EMAIL));
		token[3] ^= 1;
		assertThat(this.links.readUnsubscribe(Base64.getUrlEncoder().withoutPadding().encodeToString(token))).isEmpty();
	}

	@Test
	void garbage_isRejected() {
		assertThat(this.links.readUnsubscribe("not-a-token")).isEmpty();
		assertThat(this.links.readUnsubscribe("%%%")).isEmpty();
	}

	@Test
	void links_startWithThePublicBaseUrl() {
		assertThat(this.links.verification("abc")).isEqualTo("https://zeitspende.example.org/h/verify/abc");
		assertThat(this.links.unsubscribe(UUID.randomUUID(), Channel.EMAIL))
			.startsWith("https://zeitspende.example.org/h/unsubscribe/");
	}

	private static HelperLinks links(String secret) {
		return new HelperLinks("https://zeitspende.example.org/",
				new HelperProperties(List.of(49), "DE", Duration.ofHours(72), Duration.ofHours(48), 5,
						Duration.ofMinutes(30), Duration.ofHours(1), "v1", secret),
				true);
	}

}
