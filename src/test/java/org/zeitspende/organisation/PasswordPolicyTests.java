package org.zeitspende.organisation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "correct horse battery staple", "Ehrenamt-in-Göttingen!", "zwölf Zeichen", "ÄÖÜäöüß12345" })
	void acceptsLongUncommonPasswords(String password) {
		assertThat(PasswordPolicy.problem(password)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			elf Zeichen|must have at least 12 characters
			PASSWORT1234|is too common; choose one that is harder to guess
			Password1234|is too common; choose one that is harder to guess
			zeitspende-demo|is too common; choose one that is harder to guess
			aaaaaaaaaaaaaaa|must not repeat a single character
			""")
	void refusesShortCommonAndTrivialOnes(String password, String reason) {
		assertThat(PasswordPolicy.problem(password)).isEqualTo(reason);
	}

	@ParameterizedTest
	@ValueSource(ints = { 37, 73 })
	void refusesWhatBcryptWouldCutOff(int characters) {
		// "ä" takes two bytes: 37 of them are 74 bytes, over bcrypt's 72.
		String password = (characters == 37) ? "ä".repeat(37) + "x" : "x".repeat(73);
		assertThat(PasswordPolicy.problem(password)).startsWith("must have at most 72 bytes");
	}

}
