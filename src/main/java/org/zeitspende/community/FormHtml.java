package org.zeitspende.community;

import java.util.Map;

import org.zeitspende.web.Html;
import org.zeitspende.web.Pages;

/**
 * Writes a form's fields with their labels, what was typed and, where a field is invalid,
 * its error next to it (tied to it with {@code aria-describedby}). Labels are the texts
 * {@code <prefix>.<field>}.
 */
public final class FormHtml {

	private final Pages pages;

	private final String language;

	private final String prefix;

	private final Entered entered;

	private final Map<String, String> errors;

	private final StringBuilder html = new StringBuilder();

	/**
	 * A form to write.
	 * @param pages the texts
	 * @param language {@code de} or {@code en}
	 * @param prefix the key prefix of the labels
	 * @param entered what was typed
	 * @param errors error text by field
	 */
	public FormHtml(Pages pages, String language, String prefix, Entered entered, Map<String, String> errors) {
		this.pages = pages;
		this.language = language;
		this.prefix = prefix;
		this.entered = entered;
		this.errors = errors;
	}

	/**
	 * The list of errors above the form, each linked to its field; nothing without
	 * errors.
	 * @return this form
	 */
	public FormHtml summary() {
		if (!this.errors.isEmpty()) {
			this.html.append("<div class=\"summary\" role=\"alert\"><p><strong>")
				.append(Html.text(this.pages.text("community.error.summary", this.language)))
				.append("</strong></p><ul>");
			this.errors.forEach((field, message) -> this.html.append("<li><a href=\"#")
				.append(field)
				.append("\">")
				.append(Html.text(message))
				.append("</a></li>"));
			this.html.append("</ul></div>");
		}
		return this;
	}

	/**
	 * Any HTML of our own, e.g. the form's start or the CSRF field.
	 * @param html already escaped
	 * @return this form
	 */
	public FormHtml raw(String html) {
		this.html.append(html);
		return this;
	}

	/**
	 * An input.
	 * @param name the field
	 * @param attributes the input's type and other attributes, e.g.
	 * {@code type="number" min="1"}
	 * @return this form
	 */
	public FormHtml input(String name, String attributes) {
		label(name);
		this.html.append("<input ")
			.append(attributes)
			.append(" id=\"")
			.append(name)
			.append("\" name=\"")
			.append(name)
			.append("\" value=\"")
			.append(Html.text(this.entered.value(name)))
			.append("\"")
			.append(invalid(name))
			.append(">");
		return this;
	}

	/**
	 * A text area.
	 * @param name the field
	 * @return this form
	 */
	public FormHtml textarea(String name) {
		label(name);
		this.html.append("<textarea id=\"")
			.append(name)
			.append("\" name=\"")
			.append(name)
			.append("\"")
			.append(invalid(name))
			.append(">")
			.append(Html.text(this.entered.value(name)))
			.append("</textarea>");
		return this;
	}

	/**
	 * A select with an empty first choice.
	 * @param name the field
	 * @param options label by value
	 * @return this form
	 */
	public FormHtml select(String name, Map<String, String> options) {
		label(name);
		this.html.append("<select id=\"")
			.append(name)
			.append("\" name=\"")
			.append(name)
			.append("\"")
			.append(invalid(name))
			.append("><option value=\"\"></option>");
		options.forEach((value, label) -> this.html.append("<option value=\"")
			.append(Html.text(value))
			.append("\"")
			.append(value.equals(this.entered.value(name)) ? " selected" : "")
			.append(">")
			.append(Html.text(label))
			.append("</option>"));
		this.html.append("</select>");
		return this;
	}

	/**
	 * Checkboxes for a field that may repeat, in a fieldset with the label as legend.
	 * @param name the field
	 * @param options label by value
	 * @return this form
	 */
	public FormHtml checkboxes(String name, Map<String, String> options) {
		this.html.append("<fieldset id=\"")
			.append(name)
			.append("\"")
			.append(invalid(name))
			.append("><legend>")
			.append(Html.text(this.pages.text(this.prefix + "." + name, this.language)))
			.append("</legend>");
		error(name);
		options.forEach((value, label) -> this.html.append("<label><input type=\"checkbox\" name=\"")
			.append(name)
			.append("\" value=\"")
			.append(Html.text(value))
			.append("\"")
			.append(this.entered.values(name).contains(value) ? " checked" : "")
			.append(">")
			.append(Html.text(label))
			.append("</label>"));
		this.html.append("</fieldset>");
		return this;
	}

	/**
	 * One checkbox that sends {@code yes} when ticked.
	 * @param name the field
	 * @return this form
	 */
	public FormHtml checkbox(String name) {
		this.html.append("<label><input type=\"checkbox\" name=\"")
			.append(name)
			.append("\" value=\"yes\"")
			.append(this.entered.ticked(name) ? " checked" : "")
			.append(">")
			.append(Html.text(this.pages.text(this.prefix + "." + name, this.language)))
			.append("</label>");
		return this;
	}

	/**
	 * The submit button and the form's end.
	 * @param key the button's text
	 * @return the form's HTML
	 */
	public String submit(String key) {
		return this.html.append("<button type=\"submit\" class=\"primary\">")
			.append(Html.text(this.pages.text(key, this.language)))
			.append("</button></form>")
			.toString();
	}

	private void label(String name) {
		this.html.append("<label for=\"")
			.append(name)
			.append("\">")
			.append(Html.text(this.pages.text(this.prefix + "." + name, this.language)))
			.append("</label>");
		error(name);
	}

	private void error(String name) {
		if (this.errors.containsKey(name)) {
			this.html.append("<p class=\"error\" id=\"")
				.append(name)
				.append("-error\">")
				.append(Html.text(this.errors.get(name)))
				.append("</p>");
		}
	}

	private String invalid(String name) {
		return this.errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
	}

}
