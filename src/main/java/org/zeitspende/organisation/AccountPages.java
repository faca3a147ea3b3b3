package org.zeitspende.organisation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.InvalidField;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * The console's account pages: every member changes their own password; admins edit their
 * organisation's profile. The same checks as {@code POST /api/me/password} and
 * {@code PATCH /api/organisation}; an invalid field is marked where it is, and what was
 * typed (except passwords) stays.
 */
@RestController
class AccountPages {

	private static final String PASSWORD = "/console/password";

	private static final String ORGANISATION = "/console/organisation";

	private final SignIn signIn;

	private final Organisations organisations;

	private final ReferenceData reference;

	private final Validator validator;

	private final Pages pages;

	AccountPages(SignIn signIn, Organisations organisations, ReferenceData reference, Validator validator,
			Pages pages) {
		this.signIn = signIn;
		this.organisations = organisations;
		this.reference = reference;
		this.validator = validator;
		this.pages = pages;
	}

	@GetMapping(path = PASSWORD, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> passwordForm(ServerWebExchange exchange) {
		String notice = exchange.getRequest().getQueryParams().containsKey("changed") ? "account.password.changed"
				: null;
		return passwordForm(Map.of(), notice, HttpStatus.OK, exchange);
	}

	@PostMapping(path = PASSWORD, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> changePassword(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().flatMap((form) -> {
			PasswordChange change = new PasswordChange(value(form, "currentPassword"), value(form, "newPassword"));
			Map<String, String> errors = new LinkedHashMap<>();
			this.validator.validate(change)
				.forEach((violation) -> errors.putIfAbsent(violation.getPropertyPath().toString(),
						text("account.error." + violation.getPropertyPath(), language)));
			if (!change.newPassword().equals(value(form, "repeatPassword")) && !errors.containsKey("newPassword")) {
				errors.put("repeatPassword", text("account.error.repeatPassword", language));
			}
			if (!errors.isEmpty()) {
				return passwordForm(errors, null, HttpStatus.BAD_REQUEST, exchange);
			}
			return this.signIn.changePassword(caller.subject(), change.currentPassword(), change.newPassword())
				.thenReturn(seeOther(PASSWORD + "?changed"))
				.onErrorResume(AccountProblem.class,
						(ex) -> passwordForm(Map.of("currentPassword", text("account.error.currentPassword", language)),
								null, HttpStatus.BAD_REQUEST, exchange));
		});
	}

	@GetMapping(path = ORGANISATION, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> organisationForm(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String notice = exchange.getRequest().getQueryParams().containsKey("saved") ? "account.organisation.saved"
				: null;
		return this.organisations.profile(OrganisationController.organisationOf(caller))
			.flatMap((organisation) -> organisationForm(entered(organisation), Map.of(), notice, HttpStatus.OK,
					exchange));
	}

	@PostMapping(path = ORGANISATION, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> changeOrganisation(@AuthenticationPrincipal Caller caller,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().flatMap((form) -> {
			ProfileChange change = new ProfileChange(value(form, "name"), value(form, "description"),
					value(form, "contactEmail"), value(form, "website").strip(), value(form, "logoUrl").strip(),
					form.getOrDefault("places", List.of()));
			Map<String, String> errors = new LinkedHashMap<>();
			this.validator.validate(change)
				.stream()
				.map(InvalidField::of)
				.map(InvalidField::input)
				.forEach((input) -> errors.putIfAbsent(input, text("account.error." + input, language)));
			if (!errors.isEmpty()) {
				return organisationForm(form, errors, null, HttpStatus.BAD_REQUEST, exchange);
			}
			return this.organisations.changeProfile(OrganisationController.organisationOf(caller), change)
				.thenReturn(seeOther(ORGANISATION + "?saved"))
				.onErrorResume(AccountProblem.class,
						(ex) -> organisationForm(form, Map.of("places", text("account.error.places", language)), null,
								HttpStatus.BAD_REQUEST, exchange));
		});
	}

	private Mono<ResponseEntity<String>> passwordForm(Map<String, String> errors, String notice, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Csrf.field(exchange).map((csrf) -> {
			StringBuilder html = start("account.password.title", errors, notice, language);
			html.append("<form method=\"post\" action=\"" + PASSWORD + "\" novalidate>").append(csrf);
			input(html, "currentPassword", "password", "current-password", "", errors, language);
			input(html, "newPassword", "password", "new-password", "", errors, language);
			input(html, "repeatPassword", "password", "new-password", "", errors, language);
			html.append("<button type=\"submit\" class=\"primary\">")
				.append(escaped("account.password.submit", language))
				.append("</button></form>");
			return render("account.password.title", status, html, csrf, language);
		});
	}

	private Mono<ResponseEntity<String>> organisationForm(Map<String, List<String>> entered, Map<String, String> errors,
			String notice, HttpStatus status, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono.zip(Csrf.field(exchange), this.reference.places()).map((loaded) -> {
			String csrf = loaded.getT1();
			StringBuilder html = start("account.organisation.title", errors, notice, language);
			html.append("<form method=\"post\" action=\"" + ORGANISATION + "\" novalidate>").append(csrf);
			input(html, "name", "text", "organization", first(entered, "name"), errors, language);
			label(html, "description", errors, language);
			html.append("<textarea id=\"description\" name=\"description\"")
				.append(invalid("description", errors))
				.append(">")
				.append(Html.text(first(entered, "description")))
				.append("</textarea>");
			input(html, "contactEmail", "email", "email", first(entered, "contactEmail"), errors, language);
			input(html, "website", "url", "url", first(entered, "website"), errors, language);
			input(html, "logoUrl", "url", "off", first(entered, "logoUrl"), errors, language);
			html.append("<fieldset id=\"places\"")
				.append(errors.containsKey("places") ? " aria-describedby=\"places-error\"" : "")
				.append("><legend>")
				.append(escaped("account.field.places", language))
				.append("</legend>");
			error(html, "places", errors);
			Set<String> chosen = Set.copyOf(entered.getOrDefault("places", List.of()));
			for (Place place : loaded.getT2()) {
				html.append("<label><input type=\"checkbox\" name=\"places\" value=\"")
					.append(Html.text(place.code()))
					.append("\"")
					.append(chosen.contains(place.code()) ? " checked" : "")
					.append(">")
					.append(Html.text(place.name()))
					.append("</label>");
			}
			html.append("</fieldset><button type=\"submit\" class=\"primary\">")
				.append(escaped("account.organisation.submit", language))
				.append("</button></form>");
			return render("account.organisation.title", status, html, csrf, language);
		});
	}

	private StringBuilder start(String title, Map<String, String> errors, String notice, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(escaped(title, language)).append("</h1>");
		if (notice != null) {
			html.append("<p class=\"notice\" role=\"status\">").append(escaped(notice, language)).append("</p>");
		}
		if (!errors.isEmpty()) {
			html.append("<div class=\"summary\" role=\"alert\"><p><strong>")
				.append(escaped("console.error.summary", language))
				.append("</strong></p><ul>");
			errors.forEach((field, message) -> html.append("<li><a href=\"#")
				.append(field)
				.append("\">")
				.append(Html.text(message))
				.append("</a></li>"));
			html.append("</ul></div>");
		}
		return html;
	}

	private ResponseEntity<String> render(String title, HttpStatus status, StringBuilder html, String csrf,
			String language) {
		return this.pages.page(language, text(title, language))
			.status(status)
			.navigation("<a href=\"/console\">" + escaped("console.list.title", language)
					+ "</a><form method=\"post\" action=\"/logout\">" + csrf + "<button type=\"submit\" class=\"link\">"
					+ escaped("console.logout", language) + "</button></form>")
			.render(html.toString());
	}

	private void input(StringBuilder html, String name, String type, String autocomplete, String value,
			Map<String, String> errors, String language) {
		label(html, name, errors, language);
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
			.append(invalid(name, errors))
			.append(">");
	}

	private void label(StringBuilder html, String name, Map<String, String> errors, String language) {
		html.append("<label for=\"")
			.append(name)
			.append("\">")
			.append(escaped("account.field." + name, language))
			.append("</label>");
		error(html, name, errors);
	}

	private static void error(StringBuilder html, String name, Map<String, String> errors) {
		if (errors.containsKey(name)) {
			html.append("<p class=\"error\" id=\"")
				.append(name)
				.append("-error\">")
				.append(Html.text(errors.get(name)))
				.append("</p>");
		}
	}

	private static String invalid(String name, Map<String, String> errors) {
		return errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
	}

	private static Map<String, List<String>> entered(Organisation organisation) {
		Map<String, List<String>> entered = new LinkedHashMap<>();
		entered.put("name", List.of(organisation.name()));
		entered.put("description", List.of(Objects.toString(organisation.description(), "")));
		entered.put("contactEmail", List.of(organisation.contactEmail()));
		entered.put("website", List.of((organisation.website() != null) ? organisation.website() : ""));
		entered.put("logoUrl", List.of((organisation.logoUrl() != null) ? organisation.logoUrl() : ""));
		entered.put("places", organisation.places());
		return entered;
	}

	private static String first(Map<String, List<String>> entered, String name) {
		List<String> values = entered.get(name);
		return (values == null || values.isEmpty() || values.get(0) == null) ? "" : values.get(0);
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value != null) ? value : "";
	}

	private static ResponseEntity<String> seeOther(String path) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
	}

	private String text(String key, String language) {
		return this.pages.text(key, language);
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

}
