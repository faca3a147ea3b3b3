package org.zeitspende.organisation;

import java.util.Locale;

/**
 * Email addresses as they are stored and compared: trimmed and in lower case.
 */
final class EmailAddresses {

	private EmailAddresses() {
	}

	static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
