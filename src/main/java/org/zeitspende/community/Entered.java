package org.zeitspende.community;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.util.MultiValueMap;

/**
 * What someone typed into a form, kept to fill the form again after an error.
 *
 * @param form the submitted fields
 */
public record Entered(Map<String, List<String>> form) {

	/**
	 * Nothing typed yet.
	 */
	public static final Entered NOTHING = new Entered(Map.of());

	/**
	 * The fields of a submitted form.
	 * @param form the form data
	 * @return what was typed
	 */
	public static Entered of(MultiValueMap<String, String> form) {
		return new Entered(Map.copyOf(form));
	}

	/**
	 * A field's value, stripped.
	 * @param name the field
	 * @return its first value; empty when missing
	 */
	public String value(String name) {
		List<String> values = this.form.get(name);
		return (values == null || values.isEmpty() || values.get(0) == null) ? "" : values.get(0).strip();
	}

	/**
	 * A field's value, or {@code null} when blank.
	 * @param name the field
	 * @return the value or {@code null}
	 */
	public String valueOrNull(String name) {
		String value = value(name);
		return value.isEmpty() ? null : value;
	}

	/**
	 * The non-blank values of a field that may repeat (checkboxes).
	 * @param name the field
	 * @return its values
	 */
	public List<String> values(String name) {
		List<String> values = this.form.get(name);
		return (values != null) ? values.stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.toList() : List.of();
	}

	/**
	 * A whole number.
	 * @param name the field
	 * @return the number, or {@code null} when blank or not a number
	 */
	public Integer number(String name) {
		try {
			return Integer.valueOf(value(name));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A date as a {@code type="date"} input sends it.
	 * @param name the field
	 * @return the date, or {@code null} when blank or invalid
	 */
	public LocalDate date(String name) {
		try {
			return LocalDate.parse(value(name));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * A time as a {@code type="datetime-local"} input sends it, in the service's zone.
	 * @param name the field
	 * @return the instant, or {@code null} when blank or invalid
	 */
	public Instant instant(String name) {
		try {
			return LocalDateTime.parse(value(name)).atZone(CommunityPages.ZONE).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * A choice among the constants of an enum.
	 * @param <E> the enum
	 * @param name the field
	 * @param type the enum's class
	 * @return the constant named, or {@code null} when none is
	 */
	public <E extends Enum<E>> E constant(String name, Class<E> type) {
		String value = value(name);
		return Arrays.stream(type.getEnumConstants())
			.filter((constant) -> constant.name().equals(value))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Whether a single checkbox with the value {@code yes} is ticked.
	 * @param name the field
	 * @return whether it is
	 */
	public boolean ticked(String name) {
		return "yes".equals(value(name));
	}

}
