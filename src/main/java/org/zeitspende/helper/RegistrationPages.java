package org.zeitspende.helper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
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

	private final Pages pages;

	RegistrationPages(Registrations registrations, Verifications verifications, ReferenceData reference,
			HelperMessages messages, HelperProperties properties, Pages pages) {
		this.registrations = registrations;
		this.verifications = verifications;
		this.reference = reference;
		this.messages = messages;
		this.properties = properties;
		this.pages = pages;
	}

	@GetMapping(path = FORM, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(new EnteredForm(Map.of()), Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = FORM, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> register(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(EnteredForm::new).flatMap((entered) -> {
			HelperRegistration registration = registration(entered, language, this.properties.consentTextVersion());
			return this.registrations.register(registration, ClientAddress.of(exchange))
				.flatMap((result) -> sent(result, entered, language, exchange))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> form(entered, new FormFields(this.messages, language).errors(ex.errors()),
								HttpStatus.BAD_REQUEST, exchange))
				.onErrorResume(RateLimitExceededException.class, (ex) -> Mono.just(this.pages.busy(ex, language)));
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
				.onErrorResume(RateLimitExceededException.class, (ex) -> Mono.just(this.pages.busy(ex, language)));
		});
	}

	private Mono<ResponseEntity<String>> sent(Registrations.RegistrationAccepted result, EnteredForm entered,
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

	private Mono<ResponseEntity<String>> form(EnteredForm entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.zip(this.reference.places(), this.reference.activities(), this.reference.languages(), Csrf.field(exchange))
			.map((loaded) -> this.pages.page(language, text("register.title", language))
				.status(status)
				.render(formHtml(entered, errors, language, new Choices(loaded.getT1(), loaded.getT2(), loaded.getT3()),
						loaded.getT4())));
	}

	private String formHtml(EnteredForm entered, Map<String, String> errors, String language, Choices choices,
			String csrf) {
		boolean english = "en".equals(language);
		FormFields fields = new FormFields(this.messages, language);
		StringBuilder html = new StringBuilder("<h1>").append(fields.escaped("register.title"))
			.append("</h1><p>")
			.append(fields.escaped("register.intro"))
			.append("</p>");
		fields.summary(html, errors);
		html.append("<form method=\"post\" action=\"" + FORM + "\" novalidate>").append(csrf);
		fields.input(html, "email", "email", "email", entered.value("email"), errors);
		fields.input(html, "mobile", "tel", "tel", entered.value("mobile"), errors);
		fields.checkboxes(html, "places", choices.places(), Place::code, Place::name, entered.values("places"), errors);
		fields.checkboxes(html, "activities", choices.activities(), Activity::code,
				(activity) -> english ? activity.nameEn() : activity.nameDe(), entered.values("activities"), errors);
		fields.checkboxes(html, "languages", choices.languages(), Language::code,
				(spoken) -> english ? spoken.nameEn() : spoken.nameDe(), entered.values("languages"), errors);
		fields.input(html, "hoursPerWeek", "number", "off", entered.value("hoursPerWeek"), errors);
		fields.radios(html, "commitment", List.of("ONE_OFF", "REGULAR", "BOTH"), entered.value("commitment"), errors);
		fields.input(html, "maxAsksPerWeek", "number", "off", entered.value("maxAsksPerWeek"), errors);
		html.append("<fieldset id=\"consents\"")
			.append(errors.containsKey("consents") ? " aria-describedby=\"consents-error\"" : "")
			.append("><legend>")
			.append(fields.escaped("register.consents"))
			.append("</legend>");
		FormFields.error(html, "consents", errors);
		for (ConsentPurpose purpose : ConsentPurpose.values()) {
			html.append("<label><input type=\"checkbox\" name=\"consents\" value=\"")
				.append(purpose.name())
				.append("\"")
				.append(entered.values("consents").contains(purpose.name()) ? " checked" : "")
				.append(">")
				.append(fields.escaped("register.consents." + purpose.name()))
				.append("</label>");
		}
		html.append("</fieldset><button type=\"submit\" class=\"primary\">")
			.append(fields.escaped("register.submit"))
			.append("</button></form>");
		return html.toString();
	}

	private String text(String key, String language) {
		return this.messages.optionalText(key, Locale.forLanguageTag(language));
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

	private static HelperRegistration registration(EnteredForm entered, String language, String consentTextVersion) {
		Set<ConsentPurpose> consents = new HashSet<>();
		for (String purpose : entered.values("consents")) {
			for (ConsentPurpose known : ConsentPurpose.values()) {
				if (known.name().equals(purpose)) {
					consents.add(known);
				}
			}
		}
		return new HelperRegistration(entered.orNull("email"), entered.orNull("mobile"), entered.values("places"),
				entered.values("activities"), entered.values("languages"), List.of(), entered.number("hoursPerWeek"),
				entered.commitment(), null, language, entered.number("maxAsksPerWeek"), null, null, consents,
				consentTextVersion);
	}

	private record Choices(List<Place> places, List<Activity> activities, List<Language> languages) {
	}

}
