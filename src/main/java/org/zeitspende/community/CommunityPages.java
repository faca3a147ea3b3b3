package org.zeitspende.community;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.Problem;
import org.zeitspende.reference.Names;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.Callers;
import org.zeitspende.security.Role;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.Page;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * The frame of the community pages: the public ones (organisations, engagement, events,
 * news, donations) with their navigation, and the console's with its own; times and dates
 * as people read them; invalid fields in words; problems as pages.
 */
@Component
public class CommunityPages {

	/** Where the organisations are: times are shown and typed in this zone. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d.M.yyyy, HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

	private static final List<String> PUBLIC = List.of("organisations", "engagement", "events", "news", "donations");

	private static final List<String> CONSOLE = List.of("profiles", "events", "news", "donations", "messages");

	private final Pages pages;

	private final ReferenceData reference;

	private final Validator validator;

	CommunityPages(Pages pages, ReferenceData reference, Validator validator) {
		this.pages = pages;
		this.reference = reference;
		this.validator = validator;
	}

	/**
	 * A public page with the community navigation.
	 * @param language {@code de} or {@code en}
	 * @param title the page's title
	 * @return the page
	 */
	public Page page(String language, String title) {
		StringBuilder navigation = new StringBuilder();
		for (String area : PUBLIC) {
			navigation.append("<a href=\"/")
				.append(area)
				.append("\">")
				.append(escaped("community.nav." + area, language))
				.append("</a>");
		}
		return this.pages.page(language, title).navigation(navigation.toString());
	}

	/**
	 * A console page with the console's navigation and its sign-out form.
	 * @param language {@code de} or {@code en}
	 * @param title the page's title
	 * @param exchange the request, for the CSRF token
	 * @return the page
	 */
	public Mono<Page> consolePage(String language, String title, ServerWebExchange exchange) {
		return consoleNavigation(language, exchange)
			.map((navigation) -> this.pages.page(language, title).navigation(navigation));
	}

	/**
	 * The navigation of every console page: the callouts, a new one, the community areas,
	 * the organisation's profile for admins, the account, signing out.
	 * @param language {@code de} or {@code en}
	 * @param exchange the request, for the CSRF token of signing out
	 * @return the navigation's HTML
	 */
	public Mono<String> consoleNavigation(String language, ServerWebExchange exchange) {
		Mono<Boolean> admin = Callers.current().map((caller) -> caller.has(Role.ADMIN)).defaultIfEmpty(false);
		return Mono.zip(Csrf.field(exchange), admin)
			.map((loaded) -> "<a href=\"/console\">" + escaped("console.list.title", language)
					+ "</a><a href=\"/console/callouts/new\">" + escaped("console.new", language) + "</a>"
					+ consoleLinks(language)
					+ (loaded.getT2()
							? "<a href=\"/console/organisation\">" + escaped("console.organisation", language) + "</a>"
							: "")
					+ "<a href=\"/console/password\">" + escaped("console.account", language)
					+ "</a><form method=\"post\" action=\"/logout\">" + loaded.getT1()
					+ "<button type=\"submit\" class=\"link\">" + escaped("console.logout", language)
					+ "</button></form>");
	}

	/**
	 * The console's links to the community areas, for every console page's navigation.
	 * @param language {@code de} or {@code en}
	 * @return the links' HTML
	 */
	public String consoleLinks(String language) {
		StringBuilder links = new StringBuilder();
		for (String area : CONSOLE) {
			links.append("<a href=\"/console/")
				.append(area)
				.append("\">")
				.append(escaped("community.console." + area, language))
				.append("</a>");
		}
		return links.toString();
	}

	/**
	 * A problem of a feature (not found, no longer possible) as a page.
	 * @param problem the problem
	 * @param language {@code de} or {@code en}
	 * @param exchange the request
	 * @param console whether the page is one of the console's
	 * @return the page
	 */
	public Mono<ResponseEntity<String>> problem(Problem problem, String language, ServerWebExchange exchange,
			boolean console) {
		int status = problem.getStatusCode().value();
		String key = "community.problem." + ((status == 404) ? 404 : 409);
		String main = "<h1>" + escaped(key + ".title", language) + "</h1><p>" + escaped(key + ".text", language)
				+ "</p>";
		Mono<Page> page = console ? consolePage(language, text(key + ".title", language), exchange)
				: Mono.just(page(language, text(key + ".title", language)));
		return page.map((shown) -> shown.status(HttpStatus.valueOf(status)).render(main));
	}

	/**
	 * Names of places and activities in the page's language.
	 * @param language {@code de} or {@code en}
	 * @return the names
	 */
	public Mono<Names> names(String language) {
		return this.reference.names(language);
	}

	/**
	 * Names of the languages in the page's language.
	 * @param language {@code de} or {@code en}
	 * @return name by code, in the order of the reference data
	 */
	public Mono<Map<String, String>> languages(String language) {
		return this.reference.languages().map((languages) -> {
			Map<String, String> names = new LinkedHashMap<>();
			languages.forEach(
					(spoken) -> names.put(spoken.code(), "en".equals(language) ? spoken.nameEn() : spoken.nameDe()));
			return names;
		});
	}

	/**
	 * Checks a request record as the JSON API does.
	 * @param request the record
	 * @return its invalid fields; empty when valid
	 */
	public List<InvalidField> check(Object request) {
		return this.validator.validate(request).stream().map(InvalidField::of).toList();
	}

	/**
	 * The error texts of invalid fields, one per field: {@code <prefix>.error.<field>}.
	 * @param invalid the invalid fields, also of list elements such as {@code places[2]}
	 * @param prefix the key prefix of the form
	 * @param language {@code de} or {@code en}
	 * @return error text by field, in the order found
	 */
	public Map<String, String> errors(List<InvalidField> invalid, String prefix, String language) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidField field : invalid) {
			String name = field.input();
			errors.putIfAbsent(name, text(prefix + ".error." + name, language));
		}
		return errors;
	}

	/**
	 * A form to write with the given texts.
	 * @param language {@code de} or {@code en}
	 * @param prefix the key prefix of labels
	 * @param entered what was typed
	 * @param errors error text by field
	 * @return the form
	 */
	public FormHtml form(String language, String prefix, Entered entered, Map<String, String> errors) {
		return new FormHtml(this.pages, language, prefix, entered, errors);
	}

	/**
	 * The constants of an enum as choices, labelled by the texts {@code <prefix><name>}.
	 * @param values the constants
	 * @param prefix the key prefix of their labels
	 * @param language {@code de} or {@code en}
	 * @return label by name, in declaration order
	 */
	public Map<String, String> options(Enum<?>[] values, String prefix, String language) {
		Map<String, String> options = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			options.put(value.name(), text(prefix + value.name(), language));
		}
		return options;
	}

	/**
	 * A time as people read it.
	 * @param instant the time
	 * @param language {@code de} or {@code en}
	 * @return e.g. "Sa. 6.12.2026, 14:00"
	 */
	public String when(Instant instant, String language) {
		return WHEN.withLocale(Locale.forLanguageTag(language)).format(instant.atZone(ZONE));
	}

	/**
	 * A date as people read it.
	 * @param date the date
	 * @return e.g. "6.12.2026"
	 */
	public String day(LocalDate date) {
		return DAY.format(date);
	}

	/**
	 * A text of the pages.
	 * @param key its key
	 * @param language {@code de} or {@code en}
	 * @param arguments values for its placeholders
	 * @return the text
	 */
	public String text(String key, String language, Object... arguments) {
		return this.pages.text(key, language, arguments);
	}

	/**
	 * A text of the pages, escaped.
	 * @param key its key
	 * @param language {@code de} or {@code en}
	 * @param arguments values for its placeholders
	 * @return the escaped text
	 */
	public String escaped(String key, String language, Object... arguments) {
		return Html.text(text(key, language, arguments));
	}

	/**
	 * The start of a section of a page, labelled by its heading; the caller adds the
	 * content and closes it with {@code </section>}.
	 * @param id the heading's id
	 * @param titleKey the text key of the heading
	 * @param language {@code de} or {@code en}
	 * @return the section so far
	 */
	public StringBuilder section(String id, String titleKey, String language) {
		return new StringBuilder("<section aria-labelledby=\"").append(id)
			.append("\"><h2 id=\"")
			.append(id)
			.append("\">")
			.append(escaped(titleKey, language))
			.append("</h2>");
	}

	/**
	 * A console area's form to add one: its heading, the summary of invalid fields, and
	 * the form posting to the area with the area's fields and its submit button.
	 * @param home the area's path, where the form posts
	 * @param prefix the area's text keys: {@code <prefix>.new} titles the page,
	 * {@code <prefix>.create} labels the button, and the fields' labels
	 * @param entered what was typed
	 * @param errors error text by field
	 * @param status the answer's status
	 * @param exchange the request
	 * @param fields adds the area's fields, with the names of places and activities
	 * @return the page
	 */
	public Mono<ResponseEntity<String>> consoleForm(String home, String prefix, Entered entered,
			Map<String, String> errors, HttpStatus status, ServerWebExchange exchange,
			BiFunction<FormHtml, Names, FormHtml> fields) {
		return consoleForm(home, prefix + ".new", prefix + ".create",
				form(PageLanguage.of(exchange), prefix, entered, errors), status, exchange, fields);
	}

	/**
	 * A console area's form to change one, drawn as the form to add one: its heading, the
	 * summary of invalid fields, and the form posting to the item with the area's fields
	 * and its submit button.
	 * @param action the item's path, where the form posts
	 * @param prefix the area's text keys: {@code <prefix>.edit} titles the page,
	 * {@code <prefix>.save} labels the button, and the fields' labels
	 * @param entered what is stored, or what was typed
	 * @param errors error text by field
	 * @param status the answer's status
	 * @param exchange the request
	 * @param fields adds the area's fields, with the names of places and activities
	 * @return the page
	 */
	public Mono<ResponseEntity<String>> consoleEditForm(String action, String prefix, Entered entered,
			Map<String, String> errors, HttpStatus status, ServerWebExchange exchange,
			BiFunction<FormHtml, Names, FormHtml> fields) {
		return consoleForm(action, prefix + ".edit", prefix + ".save",
				form(PageLanguage.of(exchange), prefix, entered, errors), status, exchange, fields);
	}

	private Mono<ResponseEntity<String>> consoleForm(String action, String title, String submit, FormHtml form,
			HttpStatus status, ServerWebExchange exchange, BiFunction<FormHtml, Names, FormHtml> fields) {
		String language = PageLanguage.of(exchange);
		return Mono.zip(names(language), Csrf.field(exchange), consolePage(language, text(title, language), exchange))
			.map((loaded) -> loaded.getT3()
				.status(status)
				.render("<h1>" + escaped(title, language) + "</h1>"
						+ fields
							.apply(form.summary()
								.raw("<form method=\"post\" action=\"" + Html.text(action) + "\" novalidate>"
										+ loaded.getT2()),
									loaded.getT1())
							.submit(submit)));
	}

	/**
	 * The list a console area opens with: its heading, a button to add one, and a table
	 * of what there is, or a sentence that there is nothing yet.
	 * @param home the area's path, e.g. {@code /console/news}
	 * @param heading the heading's text key
	 * @param prefix the area's text keys: {@code <prefix>.new}, {@code <prefix>.empty}
	 * and the columns'
	 * @param columns the columns' keys under the prefix; blank for a column without a
	 * heading
	 * @param rows the rows' cells, as {@code <td>} elements
	 * @param language {@code de} or {@code en}
	 * @return the list's HTML
	 */
	public String consoleList(String home, String heading, String prefix, List<String> columns, List<String> rows,
			String language) {
		StringBuilder html = new StringBuilder("<h1>").append(escaped(heading, language))
			.append("</h1><p><a class=\"button primary\" href=\"")
			.append(home)
			.append("/new\">")
			.append(escaped(prefix + ".new", language))
			.append("</a></p>");
		if (rows.isEmpty()) {
			return html.append("<p>").append(escaped(prefix + ".empty", language)).append("</p>").toString();
		}
		html.append("<table><thead><tr>");
		for (String column : columns) {
			html.append("<th scope=\"col\">")
				.append(column.isBlank() ? "" : escaped(prefix + "." + column, language))
				.append("</th>");
		}
		html.append("</tr></thead><tbody>");
		rows.forEach((row) -> html.append("<tr>").append(row).append("</tr>"));
		return html.append("</tbody></table>").toString();
	}

	/**
	 * A term and its value for a description list; nothing when the value is blank.
	 * @param term the term, plain text
	 * @param value the value, plain text
	 * @return the entry's HTML
	 */
	public static String entry(String term, String value) {
		if (value == null || value.isBlank()) {
			return "";
		}
		return "<dt>" + Html.text(term) + "</dt><dd>" + Html.text(value) + "</dd>";
	}

	/**
	 * A button that posts to the given path, with the CSRF field.
	 * @param action where it posts
	 * @param csrf the CSRF field
	 * @param label the button's text, plain
	 * @return the form's HTML
	 */
	public static String button(String action, String csrf, String label) {
		return "<form method=\"post\" action=\"" + Html.text(action) + "\">" + csrf + "<button type=\"submit\">"
				+ Html.text(label) + "</button></form>";
	}

	/**
	 * After a form that changed something: go to the page that shows it.
	 * @param path the page
	 * @return the redirect
	 */
	public static ResponseEntity<String> seeOther(String path) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
	}

}
