package org.zeitspende.helper;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Language;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.SessionCookie;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * A signed-in helper's own pages: the profile to edit (the same checks as
 * {@code PUT /api/me/preferences}; an invalid field is marked where it is and nothing
 * typed is lost), pause and resume, the data export, and the erasure after a
 * confirmation. The helper is always the one in the session cookie.
 */
@RestController
class ProfilePages {

	static final String PROFILE = "/h/me";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

	private final SelfService selfService;

	private final ReferenceData reference;

	private final HelperMessages messages;

	private final Validator validator;

	private final Pages pages;

	private final List<HelperPageSection> sections;

	ProfilePages(SelfService selfService, ReferenceData reference, HelperMessages messages, Validator validator,
			Pages pages, List<HelperPageSection> sections) {
		this.selfService = selfService;
		this.reference = reference;
		this.messages = messages;
		this.validator = validator;
		this.pages = pages;
		this.sections = sections;
	}

	@GetMapping(path = PROFILE, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> profile(ServerWebExchange exchange) {
		String notice = exchange.getRequest().getQueryParams().containsKey("saved") ? "profile.saved" : null;
		return signedIn(
				(helperId) -> this.selfService.profile(helperId)
					.flatMap((profile) -> page(profile, entered(profile), Map.of(), notice, HttpStatus.OK, exchange)),
				exchange);
	}

	@PostMapping(path = PROFILE, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> save(ServerWebExchange exchange) {
		return signedIn(
				(helperId) -> Mono.zip(this.selfService.profile(helperId), exchange.getFormData()).flatMap((loaded) -> {
					HelperProfile profile = loaded.getT1();
					EnteredForm entered = new EnteredForm(loaded.getT2());
					HelperPreferences preferences = preferences(entered, profile);
					List<InvalidField> invalid = this.validator.validate(preferences)
						.stream()
						.map(InvalidField::of)
						.toList();
					Mono<HelperProfile> saved = invalid.isEmpty()
							? this.selfService.updatePreferences(helperId, preferences)
							: Mono.error(new InvalidRequestException(invalid));
					return saved.thenReturn(seeOther(PROFILE + "?saved"))
						.onErrorResume(InvalidRequestException.class, (ex) -> page(profile, entered,
								fields(exchange).errors(ex.errors()), null, HttpStatus.BAD_REQUEST, exchange));
				}), exchange);
	}

	@PostMapping(path = PROFILE + "/pause", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> pause(ServerWebExchange exchange) {
		return signedIn(
				(helperId) -> Mono.zip(this.selfService.profile(helperId), exchange.getFormData()).flatMap((loaded) -> {
					HelperProfile profile = loaded.getT1();
					OffsetDateTime until = day(loaded.getT2().getFirst("until"), profile.timeZone());
					Mono<HelperProfile> paused = (until != null)
							? Mono.defer(() -> this.selfService.pause(helperId, until))
							: Mono.error(new InvalidRequestException("until", "must be a date"));
					return paused.thenReturn(seeOther(PROFILE))
						.onErrorResume(InvalidRequestException.class,
								(ex) -> page(profile, entered(profile),
										Map.of("until", fields(exchange).text("profile.pause.error")), null,
										HttpStatus.BAD_REQUEST, exchange));
				}), exchange);
	}

	@PostMapping(path = PROFILE + "/resume")
	Mono<ResponseEntity<String>> resume(ServerWebExchange exchange) {
		return signedIn((helperId) -> this.selfService.pause(helperId, null).thenReturn(seeOther(PROFILE)), exchange);
	}

	@GetMapping(path = PROFILE + "/export")
	Mono<ResponseEntity<?>> export(ServerWebExchange exchange) {
		return SelfService.signedInHelper()
			.flatMap(this.selfService::export)
			.<ResponseEntity<?>>map((data) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zeitspende-export.json\"")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(data))
			.onErrorResume(HelperNotFoundException.class, (ex) -> Mono.just(signedOut()));
	}

	@GetMapping(path = PROFILE + "/erase", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> confirmErasure(ServerWebExchange exchange) {
		return erasureForm(null, HttpStatus.OK, exchange);
	}

	@PostMapping(path = PROFILE + "/erase", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> erase(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().flatMap((form) -> {
			if (!"yes".equals(form.getFirst("confirm"))) {
				return erasureForm(fields(exchange).text("profile.erase.error"), HttpStatus.BAD_REQUEST, exchange);
			}
			return signedIn((helperId) -> this.selfService.erase(helperId).then(Mono.fromSupplier(() -> {
				String title = text("page.erased.title", language);
				return this.pages.page(language, title)
					.header(HttpHeaders.SET_COOKIE, SessionCookie.cleared().toString())
					.render("<h1>" + Html.text(title) + "</h1><p>" + escaped("page.erased.text", language) + "</p>");
			})), exchange);
		});
	}

	@PostMapping(path = PROFILE + "/sign-out")
	ResponseEntity<String> signOut() {
		return signedOut();
	}

	// An erased helper's cookie outlives the profile: it signs out.
	private Mono<ResponseEntity<String>> signedIn(Function<UUID, Mono<ResponseEntity<String>>> action,
			ServerWebExchange exchange) {
		return SelfService.signedInHelper()
			.flatMap(action)
			.onErrorResume(HelperNotFoundException.class, (ex) -> Mono.just(signedOut()));
	}

	private static ResponseEntity<String> signedOut() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create("/h/sign-in?signed-out"))
			.header(HttpHeaders.SET_COOKIE, SessionCookie.cleared().toString())
			.build();
	}

	private Mono<ResponseEntity<String>> erasureForm(String error, HttpStatus status, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono.zip(navigation(language, exchange), Csrf.field(exchange)).map((parts) -> {
			StringBuilder main = new StringBuilder("<h1>").append(escaped("profile.erase.title", language))
				.append("</h1><p>")
				.append(escaped("profile.erase.text", language))
				.append("</p><form method=\"post\" action=\"" + PROFILE + "/erase\">")
				.append(parts.getT2());
			FormFields.error(main, "confirm", (error != null) ? Map.of("confirm", error) : Map.of());
			main.append("<label><input type=\"checkbox\" id=\"confirm\" name=\"confirm\" value=\"yes\"")
				.append((error != null) ? " aria-invalid=\"true\" aria-describedby=\"confirm-error\"" : "")
				.append("> ")
				.append(escaped("page.sign-in.erase-confirm", language))
				.append("</label><button type=\"submit\">")
				.append(escaped("page.sign-in.erase", language))
				.append("</button></form><p><a href=\"" + PROFILE + "\">")
				.append(escaped("profile.back", language))
				.append("</a></p>");
			return this.pages.page(language, text("profile.erase.title", language))
				.status(status)
				.navigation(parts.getT1())
				.render(main.toString());
		});
	}

	private Mono<ResponseEntity<String>> page(HelperProfile profile, EnteredForm entered, Map<String, String> errors,
			String notice, HttpStatus status, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.zip(this.reference.places(), this.reference.activities(), this.reference.languages(), Csrf.field(exchange),
					navigation(language, exchange), sections(profile.id(), language))
			.map((loaded) -> this.pages.page(language, text("profile.title", language))
				.status(status)
				.navigation(loaded.getT5())
				.render(html(profile, entered, errors, notice,
						new Choices(loaded.getT1(), loaded.getT2(), loaded.getT3()), loaded.getT4(), loaded.getT6(),
						fields(exchange))));
	}

	// What other features show the helper: interests, registrations.
	private Mono<String> sections(UUID helperId, String language) {
		return Flux.fromIterable(this.sections)
			.concatMap((section) -> section.html(helperId, language))
			.collect(Collectors.joining());
	}

	private String html(HelperProfile profile, EnteredForm entered, Map<String, String> errors, String notice,
			Choices choices, String csrf, String sections, FormFields fields) {
		boolean english = fields.english();
		StringBuilder html = new StringBuilder("<h1>").append(fields.escaped("profile.title")).append("</h1>");
		if (notice != null) {
			html.append("<p class=\"notice\" role=\"status\">").append(fields.escaped(notice)).append("</p>");
		}
		html.append("<p>").append(Html.text(contacts(profile, fields))).append("</p>");
		pauseHtml(html, profile, errors, csrf, fields);
		html.append("<h2>").append(fields.escaped("profile.preferences")).append("</h2>");
		Map<String, String> preferenceErrors = new HashMap<>(errors);
		preferenceErrors.remove("until");
		fields.summary(html, preferenceErrors);
		html.append("<form method=\"post\" action=\"" + PROFILE + "\" novalidate>").append(csrf);
		fields.checkboxes(html, "places", choices.places(), Place::code, Place::name, entered.values("places"),
				preferenceErrors);
		fields.checkboxes(html, "activities", choices.activities(), Activity::code,
				(activity) -> english ? activity.nameEn() : activity.nameDe(), entered.values("activities"),
				preferenceErrors);
		fields.checkboxes(html, "languages", choices.languages(), Language::code,
				(spoken) -> english ? spoken.nameEn() : spoken.nameDe(), entered.values("languages"), preferenceErrors);
		fields.input(html, "skills", "text", "off", entered.value("skills"), preferenceErrors);
		fields.input(html, "hoursPerWeek", "number", "off", entered.value("hoursPerWeek"), preferenceErrors);
		fields.radios(html, "commitment", List.of("ONE_OFF", "REGULAR", "BOTH"), entered.value("commitment"),
				preferenceErrors);
		fields.input(html, "maxAsksPerWeek", "number", "off", entered.value("maxAsksPerWeek"), preferenceErrors);
		html.append("<fieldset id=\"quietHours\"")
			.append(preferenceErrors.containsKey("quietHours") ? " aria-describedby=\"quietHours-error\"" : "")
			.append("><legend>")
			.append(fields.escaped("register.quietHours"))
			.append("</legend>");
		FormFields.error(html, "quietHours", preferenceErrors);
		for (String end : List.of("quietFrom", "quietUntil")) {
			html.append("<label for=\"")
				.append(end)
				.append("\">")
				.append(fields.escaped("register." + end))
				.append("</label><input id=\"")
				.append(end)
				.append("\" name=\"")
				.append(end)
				.append("\" type=\"time\" value=\"")
				.append(Html.text(entered.value(end)))
				.append("\"")
				.append(preferenceErrors.containsKey("quietHours") ? " aria-invalid=\"true\"" : "")
				.append(">");
		}
		html.append("</fieldset>");
		fields.radios(html, "messageLanguage", this.messages.languages().stream().sorted().toList(),
				entered.value("messageLanguage"), preferenceErrors);
		html.append("<button type=\"submit\" class=\"primary\">")
			.append(fields.escaped("profile.save"))
			.append("</button></form>")
			.append(sections)
			.append(dataHtml(fields));
		return html.toString();
	}

	private static String dataHtml(FormFields fields) {
		return "<h2>" + fields.escaped("profile.data") + "</h2><p><a href=\"" + PROFILE + "/export\" download>"
				+ fields.escaped("page.sign-in.export") + "</a></p><p><a href=\"" + PROFILE + "/erase\">"
				+ fields.escaped("page.sign-in.erase") + "</a></p>";
	}

	private void pauseHtml(StringBuilder html, HelperProfile profile, Map<String, String> errors, String csrf,
			FormFields fields) {
		html.append("<h2>").append(fields.escaped("profile.pause")).append("</h2>");
		OffsetDateTime pausedUntil = profile.pausedUntil();
		if (pausedUntil != null && pausedUntil.isAfter(OffsetDateTime.now())) {
			String day = pausedUntil.atZoneSameInstant(zone(profile.timeZone())).format(DAY);
			html.append("<p class=\"status\">")
				.append(fields.escaped("profile.paused"))
				.append(' ')
				.append(day)
				.append("</p><form method=\"post\" action=\"" + PROFILE + "/resume\">")
				.append(csrf)
				.append("<button type=\"submit\">")
				.append(fields.escaped("profile.resume"))
				.append("</button></form>");
			return;
		}
		html.append("<p>")
			.append(fields.escaped("profile.active"))
			.append("</p><form method=\"post\" action=\"" + PROFILE + "/pause\" novalidate>")
			.append(csrf)
			.append("<label for=\"until\">")
			.append(fields.escaped("profile.pause.until"))
			.append("</label>");
		FormFields.error(html, "until", errors);
		html.append("<input id=\"until\" name=\"until\" type=\"date\"")
			.append(errors.containsKey("until") ? " aria-invalid=\"true\" aria-describedby=\"until-error\"" : "")
			.append("><button type=\"submit\">")
			.append(fields.escaped("profile.pause.submit"))
			.append("</button></form>");
	}

	private static String contacts(HelperProfile profile, FormFields fields) {
		StringBuilder contacts = new StringBuilder(fields.text("profile.contacts"));
		if (profile.email() != null) {
			contacts.append(' ').append(profile.email());
		}
		if (profile.mobile() != null) {
			contacts.append((profile.email() != null) ? ", " : " ").append(profile.mobile());
		}
		return contacts.toString();
	}

	private Mono<String> navigation(String language, ServerWebExchange exchange) {
		return Csrf.field(exchange)
			.map((csrf) -> "<a href=\"" + PROFILE + "\">" + escaped("profile.title", language) + "</a><a href=\""
					+ PROFILE + "/asks\">" + escaped("profile.asks", language) + "</a><form method=\"post\" action=\""
					+ PROFILE + "/sign-out\">" + csrf + "<button type=\"submit\" class=\"link\">"
					+ escaped("profile.sign-out", language) + "</button></form>");
	}

	// The stored profile, as the form shows it before any change.
	private static EnteredForm entered(HelperProfile profile) {
		Map<String, List<String>> form = new HashMap<>();
		form.put("places", profile.places());
		form.put("activities", profile.activities());
		form.put("languages", profile.languages());
		form.put("skills", List.of(String.join(", ", profile.skills())));
		form.put("hoursPerWeek", List.of(String.valueOf(profile.hoursPerWeek())));
		form.put("commitment", List.of(profile.commitment().name()));
		form.put("maxAsksPerWeek", List.of(String.valueOf(profile.maxAsksPerWeek())));
		form.put("messageLanguage", List.of(profile.messageLanguage()));
		if (profile.quietHours() != null) {
			form.put("quietFrom", List.of(profile.quietHours().from()));
			form.put("quietUntil", List.of(profile.quietHours().until()));
		}
		return new EnteredForm(form);
	}

	// Channel and time zone are not on the form: they stay as they are.
	private static HelperPreferences preferences(EnteredForm entered, HelperProfile profile) {
		List<String> skills = Arrays.stream(entered.value("skills").split(","))
			.map(String::strip)
			.filter((skill) -> !skill.isEmpty())
			.toList();
		String from = entered.orNull("quietFrom");
		String until = entered.orNull("quietUntil");
		HelperRegistration.QuietHours quiet = (from == null && until == null) ? null
				: new HelperRegistration.QuietHours(from, until);
		return new HelperPreferences(entered.values("places"), entered.values("activities"),
				entered.values("languages"), skills, entered.number("hoursPerWeek"), entered.commitment(),
				profile.preferredChannel(), entered.orNull("messageLanguage"), entered.number("maxAsksPerWeek"), quiet,
				profile.timeZone());
	}

	private static OffsetDateTime day(String value, String timeZone) {
		try {
			return (value != null) ? LocalDate.parse(value.strip()).atStartOfDay(zone(timeZone)).toOffsetDateTime()
					: null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static ZoneId zone(String timeZone) {
		return ZoneId.of((timeZone != null) ? timeZone : "Europe/Berlin");
	}

	private static ResponseEntity<String> seeOther(String path) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
	}

	private FormFields fields(ServerWebExchange exchange) {
		return new FormFields(this.messages, PageLanguage.of(exchange));
	}

	private String text(String key, String language) {
		return fields(language).text(key);
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

	private FormFields fields(String language) {
		return new FormFields(this.messages, language);
	}

	private record Choices(List<Place> places, List<Activity> activities, List<Language> languages) {
	}

}
