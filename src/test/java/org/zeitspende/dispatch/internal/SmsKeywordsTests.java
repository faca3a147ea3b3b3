package org.zeitspende.dispatch.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.zeitspende.dispatch.SmsReply.Intent;

import static org.assertj.core.api.Assertions.assertThat;

class SmsKeywordsTests {

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "stop", " Stopp\n", "ABMELDEN", "Ab melden", "STOPALL", "Unsubscribe", "cancel",
			"END", "quit", "revoke", "optout" })
	void stopKeywords_optOut(String text) {
		assertThat(SmsKeywords.intent(text)).isEqualTo(Intent.OPT_OUT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "START", " start ", "Unstop" })
	void startKeywords_optIn(String text) {
		assertThat(SmsKeywords.intent(text)).isEqualTo(Intent.OPT_IN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "JA", "NEIN", "YES", "Stop the car", "STOP!", "", "STARTEN" })
	void otherTexts_areLeftToOthers(String text) {
		assertThat(SmsKeywords.intent(text)).isEqualTo(Intent.OTHER);
	}

	@Test
	void noText_isLeftToOthers() {
		assertThat(SmsKeywords.intent(null)).isEqualTo(Intent.OTHER);
	}

	@Test
	void twiliosOwnClassification_winsOverTheText() {
		assertThat(SmsKeywords.intent("HALT", "STOP")).isEqualTo(Intent.OPT_OUT);
		assertThat(SmsKeywords.intent("weiter", "start")).isEqualTo(Intent.OPT_IN);
		assertThat(SmsKeywords.intent("STOP", "HELP")).isEqualTo(Intent.OPT_OUT);
		assertThat(SmsKeywords.intent("HILFE", "HELP")).isEqualTo(Intent.OTHER);
	}

}
