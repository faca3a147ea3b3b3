package org.zeitspende.helper;

import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * What a helper typed into a form, kept to fill the form again after an error.
 *
 * @param form the submitted fields
 */
record EnteredForm(Map<String, List<String>> form) {

	EnteredForm(MultiValueMap<String, String> form) {
		this((Map<String, List<String>>) form);
	}

	String value(String name) {
		List<String> values = this.form.get(name);
		return (values == null || values.isEmpty() || values.get(0) == null) ? "" : values.get(0).strip();
	}

	List<String> values(String name) {
		return this.form.getOrDefault(name, List.of());
	}

	String orNull(String name) {
		String value = value(name);
		return value.isEmpty() ? null : value;
	}

	// A number that is not one is out of every range, so its field gets its own message.
	Integer number(String name) {
		String value = value(name);
		try {
			return value.isEmpty() ? null : Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	Commitment commitment() {
		for (Commitment commitment : Commitment.values()) {
			if (commitment.name().equals(value("commitment"))) {
				return commitment;
			}
		}
		return null;
	}

}
