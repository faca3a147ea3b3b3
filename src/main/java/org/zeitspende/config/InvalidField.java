package org.zeitspende.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * One invalid field of a request and why, as listed in an invalid-request problem.
 *
 * @param field the field's name as the client sent it, with dots and indexes for nesting
 * @param reason what is wrong, for people
 */
public record InvalidField(String field, String reason) {

	/**
	 * A bean validation finding, its field named as Spring names it for {@code @Valid}:
	 * {@code places[0]}, {@code quietHours.from}.
	 * @param violation the finding
	 * @return the invalid field
	 */
	public static InvalidField of(ConstraintViolation<?> violation) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.isInIterable() && !field.isEmpty()) {
				Object index = (node.getIndex() != null) ? node.getIndex() : node.getKey();
				field.append('[').append((index != null) ? index : "").append(']');
			}
			String name = node.getName();
			if (name != null && node.getKind() == ElementKind.PROPERTY && !name.startsWith("<")) {
				field.append(field.isEmpty() ? "" : ".").append(name);
			}
		}
		return new InvalidField(field.toString(), violation.getMessage());
	}

	/**
	 * The form input the field belongs to, which a page marks and explains: its name up
	 * to the first index or nested property ({@code places} for {@code places[1]},
	 * {@code quietHours} for {@code quietHours.from}).
	 * @return the input's name
	 */
	public String input() {
		return this.field.replaceAll("[\\[.].*$", "");
	}

}
