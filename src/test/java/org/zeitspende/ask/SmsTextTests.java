package org.zeitspende.ask;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTests {

	@Test
	void germanUmlautsAndEszett_areGsm7() {
		assertThat(SmsText.isGsm7("Göttingen, Süßwaren, Ärzte, Ölmühle")).isTrue();
		assertThat(SmsText.segments("Grüße" + "a".repeat(155))).isOne();
		assertThat(SmsText.segments("Grüße" + "a".repeat(156))).isEqualTo(2);
	}

	@Test
	void extensionCharacters_countTwice() {
		assertThat(SmsText.segments("5 €" + "a".repeat(156))).isOne();
		assertThat(SmsText.segments("5 €" + "a".repeat(157))).isEqualTo(2);
		assertThat(SmsText.segments("[a]" + "a".repeat(155))).isOne();
		assertThat(SmsText.segments("[a]" + "a".repeat(156))).isEqualTo(2);
	}

	@Test
	void segments_gsm7_160InOne_153PerPartBeyond() {
		assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
		assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
		assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
		assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
		assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
		assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
	}

	@Test
	void segments_oneCharacterOutsideGsm7_makesTheWholeTextUcs2() {
		assertThat(SmsText.isGsm7("Şahin")).isFalse();
		assertThat(SmsText.segments("Ş" + "a".repeat(69))).isEqualTo(1);
		assertThat(SmsText.segments("Ş" + "a".repeat(70))).isEqualTo(2);
		assertThat(SmsText.segments("Ş" + "a".repeat(134))).isEqualTo(3);
	}

	@Test
	void transliterated_keepsGsm7_dropsOtherAccents_replacesTheRest() {
		assertThat(SmsText.transliterated("Hann. Münden")).isEqualTo("Hann. Münden");
		assertThat(SmsText.transliterated("Şahin Çelik-Łukasz")).isEqualTo("Sahin Çelik-Lukasz");
		assertThat(SmsText.transliterated("Café „Zur Linde“ – Nord")).isEqualTo("Café \"Zur Linde\" - Nord");
		assertThat(SmsText.transliterated("مساعدة")).isEqualTo("??????");
		assertThat(SmsText.isGsm7(SmsText.transliterated("Żółć ğüş ĉ"))).isTrue();
	}

	@Test
	void shortened_cutsWithADot_onlyWhenTooLong() {
		assertThat(SmsText.shortened("Grone", 14)).isEqualTo("Grone");
		assertThat(SmsText.shortened("Hausaufgabenhilfe", 14)).isEqualTo("Hausaufgabenh.");
		assertThat(SmsText.shortened("Rosdorf Dramfeld", 9)).isEqualTo("Rosdorf.");
	}

}
