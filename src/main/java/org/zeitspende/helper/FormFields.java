package org.zeitspende.helper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.zeitspende.config.InvalidField;
import org.zeitspende.web.Html;

/**
 * The fields of the helpers' forms (registration and profile), labelled with the
 * {@code register.*} texts: each with its label, hint and, after a failed post, its
 * error, linked for screen readers.
 */
final class FormFields {

	private final HelperMessages messages;

	private final Locale locale;

	FormFields(HelperMessages messages, String language) {
		this.messages = messages;
		this.locale = Locale.forLanguageTag(language);
	}

	boolean english() {
		return "en".equals(this.locale.getLanguage());
	}

	String text(String key) {
		return this.messages.optionalText(key, this.locale);
	}

	String escaped(String key) {
		return Html.text(text(key));
	}

	// One message per field, in the page's language: the form shows what to do, not
	// which rule failed.
	Map<String, String> errors(List<InvalidField> invalid) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidField field : invalid) {
			String name = field.input();
			String message = text("register.error." + name);
			errors.putIfAbsent(name, (message != null) ? message : text("register.error.other"));
		}
		return errors;
	}

	void summary(StringBuilder html, Map<String, String> errors) {
		if (errors.isEmpty()) {
			return;
		}
		html.append("<div class=\"summary\" role=\"alert\"><p><strong>")
			.append(escaped("register.error.summary"))
			.append("</strong></p><ul>");
		errors.forEach((field, message) -> html.append("<li><a href=\"#")
			.append(field)
			.append("\">")
			.append(Html.text(message))
			.append("</a></li>"));
		html.append("</ul></div>");
	}

	void input(StringBuilder html, String name, String type, String autocomplete, String value,
			Map<String, String> errors) {
		html.append("<label for=\"").append(name).append("\">").append(escaped("register." + name));
		html.append("</label>");
		String hint = text("register." + name + ".hint");
		if (hint != null) {
			html.append("<p class=\"hint\" id=\"")
				.append(name)
				.append("-hint\">")
				.append(Html.text(hint))
				.append("</p>");
		}
		error(html, name, errors);
		html.append("<input id=\"")
			.append(name)
			.append("\" name=\"")
			.append(name)
			.append("\" type=\"")
			.append(type)
			.append("\" autocomplete=\"")
			.append(autocomplete)
			.append("\" value=\"")
			.append(Html.text(value))
			.append("\"")
			.append(described(name, hint != null, errors))
			.append(">");
	}

	<T> void checkboxes(StringBuilder html, String name, List<T> options, Function<T, String> code,
			Function<T, String> label, Collection<String> chosen, Map<String, String> errors) {
		fieldset(html, name, errors);
		Set<String> checked = Set.copyOf(chosen);
		for (T option : options) {
			String value = code.apply(option);
			html.append("<label><input type=\"checkbox\" name=\"")
				.append(name)
				.append("\" value=\"")
				.append(Html.text(value))
				.append("\"")
				.append(checked.contains(value) ? " checked" : "")
				.append(">")
				.append(Html.text(label.apply(option)))
				.append("</label>");
		}
		html.append("</fieldset>");
	}

	void radios(StringBuilder html, String name, List<String> values, String chosen, Map<String, String> errors) {
		fieldset(html, name, errors);
		for (String value : values) {
			html.append("<label><input type=\"radio\" name=\"")
				.append(name)
				.append("\" value=\"")
				.append(value)
				.append("\"")
				.append(value.equals(chosen) ? " checked" : "")
				.append(">")
				.append(escaped("register." + name + "." + value))
				.append("</label>");
		}
		html.append("</fieldset>");
	}

	private void fieldset(StringBuilder html, String name, Map<String, String> errors) {
		html.append("<fieldset id=\"")
			.append(name)
			.append("\"")
			.append(errors.containsKey(name) ? " aria-describedby=\"" + name + "-error\"" : "")
			.append("><legend>")
			.append(escaped("register." + name))
			.append("</legend>");
		error(html, name, errors);
	}

	static void error(StringBuilder html, String name, Map<String, String> errors) {
		if (errors.containsKey(name)) {
			html.append("<p class=\"error\" id=\"")
				.append(name)
				.append("-error\">")
				.append(Html.text(errors.get(name)))
				.append("</p>");
		}
	}

	private static String described(String name, boolean hint, Map<String, String> errors) {
		List<String> ids = new ArrayList<>();
		if (hint) {
			ids.add(name + "-hint");
		}
		if (errors.containsKey(name)) {
			ids.add(name + "-error");
		}
		String describedBy = ids.isEmpty() ? "" : " aria-describedby=\"" + String.join(" ", ids) + "\"";
		return describedBy + (errors.containsKey(name) ? " aria-invalid=\"true\"" : "");
	}

}
