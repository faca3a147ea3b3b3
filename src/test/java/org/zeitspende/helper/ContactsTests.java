package org.zeitspende.helper;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zeitspende.config.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContactsTests {

	private final Contacts contacts = new Contacts(new HelperProperties(List.of(49), "DE", Duration.ofHours(72),
			Duration.ofHours(48), 5, Duration.ofMinutes(30), Duration.ofHours(1), "v1", "secret"));

	@Test
	void mobile_writtenTheGermanWay_becomesE164() {
		assertThat(this.contacts.mobile("mobile", "0151 2345 6789")).isEqualTo("+4915123456789");
		assertThat(this.contacts.mobile("mobile", "+49 (151) 23456789")).isEqualTo("+4915123456789");
		assertThat(this.contacts.mobile("mobile", "0049-151-23456789")).isEqualTo("+4915123456789");
	}

	@Test
	void mobile_fromACountryNotAllowed_isRejectedNamingTheCode() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.contacts.mobile("mobile", "+33 6 12 34 56 78"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).reason()).contains("+33"));
	}

	@Test
	void landlineNumber_isNotAMobile() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.contacts.mobile("mobile", "0551 4000"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("mobile"));
	}

	@Test
	void garbage_isNotAPhoneNumber() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.contacts.mobile("mobile", "call me maybe"));
	}

	@Test
	void email_isTrimmedAndLowerCase() {
		assertThat(this.contacts.email("  Ada.Lovelace@Example.ORG ")).isEqualTo("ada.lovelace@example.org");
		assertThat(this.contacts.email(" ")).isNull();
	}

	@Test
	void prefix_isTheFirstEightCharacters() {
		assertThat(Contacts.prefix("+4915123456789")).isEqualTo("+4915123");
	}

}
