package org.zeitspende.dispatch.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.zeitspende.dispatch.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTests {

	@ParameterizedTest
	@CsvSource({ "+4915112345612, +49151****12", "+12025550123, +12025****23", "+4930123, +49****",
			"helfer1@example.org, h****@example.org" })
	void mask_keepsOnlyWhatIdentifiesNobody(String recipient, String masked) {
		Channel channel = recipient.contains("@") ? Channel.EMAIL : Channel.SMS;
		assertThat(Recipients.mask(channel, recipient)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource({ "SMS, +4915112345678, true", "SMS, 015112345678, false", "SMS, +49 151 1234, false",
			"SMS, +0123456, false", "EMAIL, helfer@example.org, true", "EMAIL, a.b+c@sub.example.de, true",
			"EMAIL, Helfer <helfer@example.org>, false", "EMAIL, helfer@localhost, false", "EMAIL, no-at, false",
			"EMAIL, 'a@b.de, c@d.de', false" })
	void isWellFormed_acceptsE164NumbersAndPlainAddresses(Channel channel, String recipient, boolean wellFormed) {
		assertThat(Recipients.isWellFormed(channel, recipient)).isEqualTo(wellFormed);
	}

}
