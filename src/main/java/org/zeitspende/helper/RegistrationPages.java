package org.zeitspende.helper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.ratelimit.ClientAddress;
import org.zeitspende.ratelimit.RateLimitExceededException;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Language;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * Becoming a helper in the browser, without JavaScript: the form, then "check your email"
 * or the SMS code, then "you're in". The form goes through the same checks as the JSON
 * API; an invalid field is marked where it is, and nothing typed is lost.
 */
@RestController
class RegistrationPages {

	private static final String FORM = "/h/register";

	private final Registrations registrations;

	private final Verifications verifications;

	private final ReferenceData reference;

	private final HelperMessages messages;

	private final HelperProperties properties;

	private final Validator validator;

	private final Pages pages;

	RegistrationPages(Registrations registrations, Verifications verifications, ReferenceData reference,
			HelperMessages messages, HelperProperties properties, Validator validator, Pages pages) {
		this.registrations = registrations;
		this.verifications = verifications;
		this.reference = reference;
		this.messages = messages;
		this.properties = properties;
		this.validator = validator;
		this.pages = pages;
	}

	@GetMapping(path = FORM, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(new Entered(Map.of()), Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = FORM, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> register(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::new).flatMap((entered) -> {
			HelperRegistration registration = entered.registration(language, this.properties.consentTextVersion());
			List<InvalidField> invalid = validate(registration);
			Mono<Registrations.RegistrationAccepted> accepted = invalid.isEmpty()
					? this.registrations.register(registration, ClientAddress.of(exchange))
					: Mono.error(new InvalidRequestException(invalid));
			return accepted.flatMap((result) -> sent(result, entered, language, exchange))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> form(entered, errors(ex.errors(), language), HttpStatus.BAD_REQUEST, exchange))
				.onErrorResume(RateLimitExceededException.class,
						(ex) -> Mono.just(message("busy", HttpStatus.TOO_MANY_REQUESTS, language)));
		});
	}

	@PostMapping(path = FORM + "/code", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> code(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().flatMap((form) -> {
			String mobile = String.valueOf(form.getFirst("mobile"));
			String code = String.valueOf(form.getFirst("code")).strip();
			Mono<Verifications.Verified> verified = code.matches("\\d{6}") ? this.verifications.verifyCode(mobile, code)
					: Mono.error(new InvalidRequestException("code", "must be six digits"));
			return verified.map((done) -> message("verified", HttpStatus.OK, language))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> codeForm(mobile, text("register.error.code", language), language, exchange)
							.map((main) -> this.pages.page(language, text("register.sent.title", language))
								.status(HttpStatus.BAD_REQUEST)
								.render(main)))
				.onErrorResume(RateLimitExceededException.class,
						(ex) -> Mono.just(message("busy", HttpStatus.TOO_MANY_REQUESTS, language)));
		});
	}

	private List<InvalidField> validate(HelperRegistration registration) {
		return this.validator.validate(registration)
			.stream()
			.map((violation) -> new InvalidField(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
	}

	// One message per field, in the page's language: the form shows what to do, not
	// which rule failed.
	private Map<String, String> errors(List<InvalidField> invalid, String language) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidField field : invalid) {
			String name = field.field().replaceAll("[\\[.].*$", "");
			String message = this.messages.optionalText("register.error." + name, locale(language));
			errors.putIfAbsent(name, (message != null) ? message : text("register.error.other", language));
		}
		return errors;
	}

	private Mono<ResponseEntity<String>> sent(Registrations.RegistrationAccepted result, Entered entered,
			String language, ServerWebExchange exchange) {
		StringBuilder main = new StringBuilder("<h1>").append(escaped("register.sent.title", language)).append("</h1>");
		if (result.channels().contains(Channel.EMAIL)) {
			main.append("<p>").append(escaped("register.sent.email", language)).append("</p>");
		}
		if (!result.channels().contains(Channel.SMS)) {
			return Mono.just(this.pages.page(language, text("register.sent.title", language)).render(main.toString()));
		}
		return codeForm(entered.value("mobile"), null, language, exchange)
			.map((form) -> this.pages.page(language, text("register.sent.title", language))
				.render(main.append(form).toString()));
	}

	private Mono<String> codeForm(String mobile, String error, String language, ServerWebExchange exchange) {
		return Csrf.field(exchange).map((csrf) -> {
			StringBuilder form = new StringBuilder("<p>").append(escaped("register.sent.sms", language))
				.append("</p><form method=\"post\" action=\"" + FORM + "/code\" novalidate>")
				.append(csrf)
				.append("<input type=\"hidden\" name=\"mobile\" value=\"")
				.append(Html.text(mobile))
				.append("\"><label for=\"code\">")
				.append(escaped("register.code", language))
				.append("</label>");
			if (error != null) {
				form.append("<p class=\"error\" id=\"code-error\">").append(Html.text(error)).append("</p>");
			}
			form.append("<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" ")
				.append("maxlength=\"6\" required")
				.append((error != null) ? " aria-invalid=\"true\" aria-describedby=\"code-error\" autofocus" : "")
				.append("><button type=\"submit\" class=\"primary\">")
				.append(escaped("register.code.submit", language))
				.append("</button></form>");
			return form.toString();
		});
	}

	private ResponseEntity<String> message(String name, HttpStatus status, String language) {
		String title = text("page." + name + ".title", language);
		return this.pages.page(language, title)
			.status(status)
			.render("<h1>" + Html.text(title) + "</h1><p>" + escaped("page." + name + ".text", language) + "</p>");
	}

	private Mono<ResponseEntity<String>> form(Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.zip(this.reference.places(), this.reference.activities(), this.reference.languages(), Csrf.field(exchange))
			.map((loaded) -> this.pages.page(language, text("register.title", language))
				.status(status)
				.render(formHtml(entered, errors, language, new Choices(loaded.getT1(), loaded.getT2(), loaded.getT3()),
						loaded.getT4())));
	}

	private String formHtml(Entered entered, Map<String, String> errors, String language, Choices choices,
			String csrf) {
		boolean english = "en".equals(language);
		StringBuilder html = new StringBuilder("<h1>").append(escaped("register.title", language))
			.append("</h1><p>")
			.append(escaped("register.intro", language))
			.append("</p>");
		if (!errors.isEmpty()) {
			html.append("<div class=\"summary\" role=\"alert\"><p><strong>")
				.append(escaped("register.error.summary", language))
				.append("</strong></p><ul>");
			errors.forEach((field, message) -> html.append("<li><a href=\"#")
				.append(field)
				.append("\">")
				.append(Html.text(message))
				.append("</a></li>"));
			html.append("</ul></div>");
		}
		html.append("<form method=\"post\" action=\"" + FORM + "\" novalidate>").append(csrf);
		input(html, "email", "email", "email", entered, errors, language);
		input(html, "mobile", "tel", "tel", entered, errors, language);
		checkboxes(html, "places", choices.places(), Place::code, Place::name, entered, errors, language);
		checkboxes(html, "activities", choices.activities(), Activity::code,
				(activity) -> english ? activity.nameEn() : activity.nameDe(), entered, errors, language);
		checkboxes(html, "languages", choices.languages(), Language::code,
				(spoken) -> english ? spoken.nameEn() : spoken.nameDe(), entered, errors, language);
		input(html, "hoursPerWeek", "number", "off", entered, errors, language);
		radios(html, "commitment", List.of("ONE_OFF", "REGULAR", "BOTH"), entered, errors, language);
		input(html, "maxAsksPerWeek", "number", "off", entered, errors, language);
		html.append("<fieldset id=\"consents\"")
			.append(errors.containsKey("consents") ? " aria-describedby=\"consents-error\"" : "")
			.append("><legend>")
			.append(escaped("register.consents", language))
			.append("</legend>");
		error(html, "consents", errors);
		for (ConsentPurpose purpose : ConsentPurpose.values()) {
			html.append("<label><input type=\"checkbox\" name=\"consents\" value=\"")
				.append(purpose.name())
				.append("\"")
				.append(entered.values("consents").contains(purpose.name()) ? " checked" : "")
				.append(">")
				.append(escaped("register.consents." + purpose.name(), language))
				.append("</label>");
		}
		html.append("</fieldset><button type=\"submit\" class=\"primary\">")
			.append(escaped("register.submit", language))
			.append("</button></form>");
		return html.toString();
	}

	private void input(StringBuilder html, String name, String type, String autocomplete, Entered entered,
			Map<String, String> errors, String language) {
		html.append("<label for=\"").append(name).append("\">").append(escaped("register." + name, language));
		html.append("</label>");
		String hint = this.messages.optionalText("register." + name + ".hint", locale(language));
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
			.append(Html.text(entered.value(name)))
			.append("\"")
			.append(described(name, hint != null, errors))
			.append(">");
	}

	private <T> void checkboxes(StringBuilder html, String name, List<T> options, Function<T, String> code,
			Function<T, String> label, Entered entered, Map<String, String> errors, String language) {
		html.append("<fieldset id=\"")
			.append(name)
			.append("\"")
			.append(errors.containsKey(name) ? " aria-describedby=\"" + name + "-error\"" : "")
			.append("><legend>")
			.append(escaped("register." + name, language))
			.append("</legend>");
		error(html, name, errors);
		Set<String> chosen = Set.copyOf(entered.values(name));
		for (T option : options) {
			String value = code.apply(option);
			html.append("<label><input type=\"checkbox\" name=\"")
				.append(name)
				.append("\" value=\"")
				.append(Html.text(value))
				.append("\"")
				.append(chosen.contains(value) ? " checked" : "")
				.append(">")
				.append(Html.text(label.apply(option)))
				.append("</label>");
		}
		html.append("</fieldset>");
	}

	private void radios(StringBuilder html, String name, List<String> values, Entered entered,
			Map<String, String> errors, String language) {
		html.append("<fieldset id=\"")
			.append(name)
			.append("\"")
			.append(errors.containsKey(name) ? " aria-describedby=\"" + name + "-error\"" : "")
			.append("><legend>")
			.append(escaped("register." + name, language))
			.append("</legend>");
		error(html, name, errors);
		for (String value : values) {
			html.append("<label><input type=\"radio\" name=\"")
				.append(name)
				.append("\" value=\"")
				.append(value)
				.append("\"")
				.append(value.equals(entered.value(name)) ? " checked" : "")
				.append(">")
				.append(escaped("register." + name + "." + value, language))
				.append("</label>");
		}
		html.append("</fieldset>");
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

	private String text(String key, String language) {
		return this.messages.optionalText(key, locale(language));
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

	private static Locale locale(String language) {
		return Locale.forLanguageTag(language);
	}

	/**
	 * What the helper typed, kept to fill the form again.
	 *
	 * @param form the submitted fields
	 */
	private record Entered(Map<String, List<String>> form) {

		Entered(MultiValueMap<String, String> form) {
			this((Map<String, List<String>>) form);
		}

		String value(String name) {
			List<String> values = this.form.get(name);
			return (values == null || values.isEmpty() || values.get(0) == null) ? "" : values.get(0).strip();
		}

		List<String> values(String name) {
			return this.form.getOrDefault(name, List.of());
		}

		HelperRegistration registration(String language, String consentTextVersion) {
			Set<ConsentPurpose> consents = new HashSet<>();
			for (String purpose : values("consents")) {
				for (ConsentPurpose known : ConsentPurpose.values()) {
					if (known.name().equals(purpose)) {
						consents.add(known);
					}
				}
			}
			return new HelperRegistration(orNull(value("email")), orNull(value("mobile")), values("places"),
					values("activities"), values("languages"), List.of(), number(value("hoursPerWeek")),
					commitment(value("commitment")), null, language, number(value("maxAsksPerWeek")), null, null,
					consents, consentTextVersion);
		}

		private static String orNull(String value) {
			return value.isEmpty() ? null : value;
		}

		private static Integer number(String value) {
			try {
				return value.isEmpty() ? null : Integer.valueOf(value);
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

		private static Commitment commitment(String value) {
			for (Commitment commitment : Commitment.values()) {
				if (commitment.name().equals(value)) {
					return commitment;
				}
			}
			return null;
		}

	}

	private record Choices(List<Place> places, List<Activity> activities, List<Language> languages) {
	}

}
