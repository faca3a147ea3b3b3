package org.zeitspende.ask;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.zeitspende.ask.AskMessages.Names;
import org.zeitspende.callout.OpenCallout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the SMS of an ask gets short enough for one segment.
 */
class AskMessagesTests {

	private static final Instant START = Instant.parse("2026-12-12T08:00:00Z");

	private static final OpenCallout CALLOUT = new OpenCallout(UUID.randomUUID(), "fahrdienst", "bovenden", START,
			START.plus(Duration.ofHours(2)));

	// A short link.
	private static final String LINK = "https://zs.de/c/AbCdEfGhIjKlMnOp";

	// As long as a confirmation link with a 22-character token.
	private static final String TOKEN_LINK = "https://zeitspende.de/c/AbCdEfGhIjKlMnOpQrStUv";

	// As long as the link with an ask id.
	private static final String LONG_LINK = "https://zeitspende.example.org/c/" + UUID.randomUUID();

	private final AskMessages messages = messages();

	@Test
	void sms_fitsWithTheFullWhyYouLine_keepsIt() {
		String text = this.messages.sms(new Names("Fahrdienst", "Bovenden"), CALLOUT, LINK, Locale.GERMAN);

		assertThat(text).isEqualTo("Zeitspende: Hilfe bei Fahrdienst in Bovenden, Sa. 12.12. 09:00? "
				+ "Sie sind für Fahrdienst in Bovenden eingetragen. Zu-/absagen: " + LINK);
		assertThat(SmsText.segments(text)).isOne();
	}

	@Test
	void sms_inEnglish() {
		String text = this.messages.sms(new Names("Driving", "Bovenden"), CALLOUT, LINK, Locale.ENGLISH);

		assertThat(text).isEqualTo("Zeitspende: help with Driving in Bovenden, Sat 12 Dec, 09:00? "
				+ "You registered for Driving in Bovenden. Yes/no: " + LINK);
	}

	@Test
	void sms_tooLongWithTheFullLine_takesTheShortOne() {
		String text = this.messages.sms(new Names("Fahrdienst", "Göttingen-Grone"), CALLOUT, TOKEN_LINK, Locale.GERMAN);

		assertThat(text).contains("Sie sind dafür eingetragen.").doesNotContain("für Fahrdienst");
		assertThat(SmsText.segments(text)).isOne();
	}

	@Test
	void sms_tooLongWithAnyWhyYouLine_leavesItOut() {
		String text = this.messages.sms(new Names("Fahrdienst", "Göttingen-Grone"), CALLOUT, LONG_LINK, Locale.GERMAN);

		assertThat(text).doesNotContain("eingetragen").contains("Fahrdienst in Göttingen-Grone").endsWith(LONG_LINK);
		assertThat(SmsText.segments(text)).isOne();
	}

	@Test
	void sms_longNames_areShortened() {
		String text = this.messages.sms(new Names("Begleitung zu Behörden und Ämtern", "Landkreis Göttingen Süd"),
				CALLOUT, LONG_LINK, Locale.GERMAN);

		assertThat(text).contains("Begleitung zu. in Landkreis Göt.").endsWith(LONG_LINK);
		assertThat(SmsText.segments(text)).isOne();
	}

	@Test
	void sms_namesOutsideGsm7_areTransliterated_soTheTextStaysGsm7() {
		String text = this.messages.sms(new Names("Fahrdienst", "Şehir"), CALLOUT, LINK, Locale.GERMAN);

		assertThat(text).contains("in Sehir");
		assertThat(SmsText.isGsm7(text)).isTrue();
		assertThat(SmsText.segments(text)).isOne();
	}

	@Test
	void sms_thatCannotFit_goesOutInSeveralSegments_withoutTheWhyYouLine() {
		String longLink = "https://zeitspende.example.org/c/" + "x".repeat(120);

		String text = this.messages.sms(new Names("Fahrdienst", "Bovenden"), CALLOUT, longLink, Locale.GERMAN);

		assertThat(text).doesNotContain("eingetragen").endsWith(longLink);
		assertThat(SmsText.segments(text)).isEqualTo(2);
	}

	@Test
	void filledNotice_saysOnePlaceOrAllPlaces() {
		Object[] one = { "Fahrdienst", "Grone", "Sa 12.12. 09:00", 1, 1 };
		Object[] three = { "Fahrdienst", "Grone", "Sa 12.12. 09:00", 3, 3 };
		assertThat(this.messages.text("organiser.CALLOUT_FILLED.text", Locale.GERMAN, one))
			.contains("Hallo,\n\nder Platz für Fahrdienst in Grone, Sa 12.12. 09:00, ist besetzt.");
		assertThat(this.messages.text("organiser.CALLOUT_FILLED.text", Locale.GERMAN, three))
			.contains("alle 3 Plätze für Fahrdienst in Grone, Sa 12.12. 09:00, sind besetzt.");
		assertThat(this.messages.text("organiser.CALLOUT_FILLED.text", Locale.ENGLISH, one))
			.contains("Hello,\n\nThe place for Fahrdienst in Grone, Sa 12.12. 09:00, is taken.");
		assertThat(this.messages.text("organiser.CALLOUT_FILLED.text", Locale.ENGLISH, three))
			.contains("All 3 places for Fahrdienst in Grone, Sa 12.12. 09:00, are taken.");
	}

	private static AskMessages messages() {
		try {
			return new AskMessages(null, new AskProperties(Duration.ofSeconds(2), 100, 8, Duration.ofMinutes(5),
					Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(30), "https://zeitspende.de"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
