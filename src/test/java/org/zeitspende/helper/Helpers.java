package org.zeitspende.helper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registrations as a client sends them.
 */
final class Helpers {

	private Helpers() {
	}

	/**
	 * A valid registration for Grone, interpreting and sorting donations.
	 * @param email address or {@code null}
	 * @param mobile number or {@code null}
	 * @return the JSON body, mutable for variations
	 */
	static Map<String, Object> registration(String email, String mobile) {
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("mobile", mobile);
		body.put("places", List.of("goettingen-grone", "goettingen"));
		body.put("activities", List.of("dolmetschen", "spenden-sortieren"));
		body.put("languages", List.of("de", "ar"));
		body.put("skills", List.of("Führerschein Klasse B"));
		body.put("hoursPerWeek", 4);
		body.put("commitment", "BOTH");
		body.put("messageLanguage", "de");
		body.put("maxAsksPerWeek", 3);
		body.put("quietHours", Map.of("from", "22:00", "until", "07:00"));
		body.put("consents", List.of("CALLOUTS", "NEWS"));
		body.put("consentTextVersion", "2025-12-01");
		return body;
	}

}
