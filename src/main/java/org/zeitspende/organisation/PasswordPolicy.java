package org.zeitspende.organisation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks new passwords; see {@link AcceptablePassword}. The list of common passwords is
 * short on purpose: it catches the obvious choices of at least 12 characters, in German
 * and English, without shipping a breach corpus.
 */
class PasswordPolicy implements ConstraintValidator<AcceptablePassword, String> {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "12345678901234",
			"123456789012345", "1234567890123456", "098765432109", "111111111111", "000000000000", "123123123123",
			"qwertyuiopas", "qwertzuiopü", "qwertzuiopue", "qwertyuiop12", "qwertyuiop123", "qwertzuiop12",
			"qwertzuiop123", "asdfghjklöä", "asdfghjkl123", "1q2w3e4r5t6y", "1q2w3e4r5t6z", "q1w2e3r4t5y6",
			"q1w2e3r4t5z6", "abcdefghijkl", "abc123abc123", "abcd1234abcd", "password1234", "password12345",
			"password123456", "password!234", "passwort1234", "passwort12345", "passwort123456", "passwort!234",
			"passwordpassword", "passwortpasswort", "mypassword123", "meinpasswort1", "meinpasswort123", "iloveyou1234",
			"ichliebedich1", "ichliebedich123", "letmein12345", "welcome12345", "willkommen12", "willkommen123",
			"willkommen1234", "hallo1234567", "hallohallo12", "hallohallo123", "geheim123456", "geheimgeheim",
			"sommer202020", "sommer2024!!", "sommer2025!!", "winter2024!!", "winter2025!!", "fruehling2025",
			"frühling2025", "zeitspende12", "zeitspende123", "zeitspende2025", "zeitspende2026", "zeitspende-demo",
			"goettingen12", "goettingen123", "göttingen123", "administrator", "administrator1", "admin1234567",
			"adminadmin12", "changeme1234", "changeme12345", "trustno11234", "football1234", "fussball1234",
			"fußball1234", "baseball1234", "superman1234", "dragon123456", "monkey123456", "sunshine1234",
			"princess1234", "starwars1234", "computer1234", "internet1234", "schalke04schalke", "borussia1909",
			"bayernmuenchen", "bayernmünchen", "deutschland1", "deutschland12", "deutschland123", "ehrenamt1234",
			"ehrenamt12345", "helferkreis1", "helferkreis123");

	@Override
	public boolean isValid(String password, ConstraintValidatorContext context) {
		if (password == null) {
			return true;
		}
		String reason = problem(password);
		if (reason == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
		return false;
	}

	/**
	 * Why a password is not acceptable.
	 * @param password the password
	 * @return the reason, or {@code null} when it is acceptable
	 */
	static String problem(String password) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "must have at least " + MIN_LENGTH + " characters";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "must have at most " + MAX_BYTES + " bytes (72 letters without accents)";
		}
		if (password.codePoints().distinct().count() == 1) {
			return "must not repeat a single character";
		}
		if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			return "is too common; choose one that is harder to guess";
		}
		return null;
	}

}
