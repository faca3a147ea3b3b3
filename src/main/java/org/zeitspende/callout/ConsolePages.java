package org.zeitspende.callout;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Names;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * The organiser console: the organisation's callouts with their fill, a form to create
 * one, and a callout's page with its live fill view (server-sent events, a small script)
 * and the preview of who would be asked. Signed in through the session cookie; the same
 * services and checks as the JSON API.
 */
@RestController
class ConsolePages {

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d.M.yyyy, HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final List<String> COUNTS = List.of("asked", "delivered", "confirmed", "declined", "open");

	private final Callouts callouts;

	private final CalloutPreviews previews;

	private final ConfirmedContacts confirmedHelpers;

	private final ReferenceData reference;

	private final Validator validator;

	private final Pages pages;

	private final CommunityPages community;

	ConsolePages(Callouts callouts, CalloutPreviews previews, ConfirmedContacts confirmedHelpers,
			ReferenceData reference, Validator validator, Pages pages, CommunityPages community) {
		this.callouts = callouts;
		this.previews = previews;
		this.confirmedHelpers = confirmedHelpers;
		this.reference = reference;
		this.validator = validator;
		this.pages = pages;
		this.community = community;
	}

	@GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.zip(this.callouts.list(organisationOf(caller), new CalloutFilter(null, null, null), 100, 0),
					this.reference.names(language), this.community.consoleNavigation(language, exchange))
			.map((loaded) -> this.pages.page(language, text("console.list.title", language))
				.navigation(loaded.getT3())
				.render(listHtml(loaded.getT1(), loaded.getT2(), language)));
	}

	@GetMapping(path = "/console/callouts/new", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(new Entered(Map.of()), Map.of(), "", HttpStatus.OK, exchange);
	}

	@PostMapping(path = "/console/callouts", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::new).flatMap((entered) -> {
			NewCallout callout = entered.callout();
			List<InvalidField> invalid = this.validator.validate(callout).stream().map(InvalidField::of).toList();
			if (!invalid.isEmpty()) {
				return form(entered, errors(invalid, language), "", HttpStatus.BAD_REQUEST, exchange);
			}
			if ("yes".equals(entered.value("preview"))) {
				return this.previews.draft(callout, Instant.now())
					.flatMap((preview) -> form(entered, Map.of(), previewHtml(preview, language), HttpStatus.OK,
							exchange));
			}
			return this.callouts.create(organisationOf(caller), caller.subject(), callout, Instant.now())
				.map((done) -> seeOther("/console/callouts/" + done.id()))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> form(entered, errors(ex.errors(), language), "", HttpStatus.BAD_REQUEST, exchange));
		});
	}

	@GetMapping(path = "/console/callouts/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		UUID organisation = organisationOf(caller);
		return this.callouts.get(organisation, id)
			.flatMap((callout) -> Mono
				.zip(this.reference.names(language), this.community.consoleNavigation(language, exchange),
						Csrf.field(exchange), preview(organisation, callout, language),
						this.confirmedHelpers.of(callout.id()))
				.map((loaded) -> this.pages.page(language, loaded.getT1().activity(callout.activity()))
					.navigation(loaded.getT2())
					.script("live.js")
					.render(detailHtml(callout, loaded.getT1(), loaded.getT3(), loaded.getT4(), language)
							+ confirmedHtml(loaded.getT5(), language))))
			.onErrorResume(CalloutProblem.class, (problem) -> problemPage(problem, language, exchange));
	}

	@PostMapping(path = "/console/callouts/{id}/cancel")
	Mono<ResponseEntity<String>> cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return this.callouts.cancel(organisationOf(caller), id)
			.map((cancelled) -> seeOther("/console/callouts/" + id))
			.onErrorResume(CalloutProblem.class,
					(problem) -> problemPage(problem, PageLanguage.of(exchange), exchange));
	}

	// Not found (also another organisation's callout) or no longer possible, as a page.
	private Mono<ResponseEntity<String>> problemPage(CalloutProblem problem, String language,
			ServerWebExchange exchange) {
		String key = "console.problem." + problem.getStatusCode().value();
		return this.community.consoleNavigation(language, exchange)
			.map((navigation) -> this.pages.page(language, text(key + ".title", language))
				.status(HttpStatus.valueOf(problem.getStatusCode().value()))
				.navigation(navigation)
				.render("<h1>" + escaped(key + ".title", language) + "</h1><p>" + escaped(key + ".text", language)
						+ "</p><p><a href=\"/console\">" + escaped("console.list.title", language) + "</a></p>"));
	}

	// Only an open callout asks anyone: a finished one has nothing to preview.
	private Mono<String> preview(UUID organisation, Callout callout, String language) {
		if (callout.status() != CalloutStatus.OPEN) {
			return Mono.just("");
		}
		return this.previews.preview(organisation, callout.id(), Instant.now())
			.map((preview) -> previewHtml(preview, language));
	}

	private String previewHtml(CalloutPreview preview, String language) {
		return "<p class=\"notice\" id=\"preview\" role=\"status\">"
				+ Html.text(this.pages.text("console.preview", language, preview.candidates(), preview.firstWaveSize()))
				+ "</p>";
	}

	private String listHtml(CalloutPage page, Names names, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(escaped("console.list.title", language))
			.append("</h1><p><a class=\"button primary\" href=\"/console/callouts/new\">")
			.append(escaped("console.new", language))
			.append("</a></p>");
		if (page.items().isEmpty()) {
			return html.append("<p>").append(escaped("console.list.empty", language)).append("</p>").toString();
		}
		html.append("<table><caption class=\"hint\">")
			.append(escaped("console.list.caption", language))
			.append("</caption><thead><tr><th scope=\"col\">")
			.append(escaped("console.what", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("console.when", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("console.status", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("console.fill", language))
			.append("</th></tr></thead><tbody>");
		for (Callout callout : page.items()) {
			int confirmed = callout.counts().confirmed();
			html.append("<tr><td><a href=\"/console/callouts/")
				.append(callout.id())
				.append("\">")
				.append(Html.text(names.activity(callout.activity())))
				.append("</a><br>")
				.append(Html.text(names.place(callout.place())))
				.append("</td><td>")
				.append(Html.text(when(callout, language)))
				.append("</td><td>")
				.append(escaped("console.status." + callout.status(), language))
				.append("</td><td>")
				.append(bar(confirmed, callout.needed(), language))
				.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private String bar(int confirmed, int needed, String language) {
		String label = Html.text(this.pages.text("console.fill.value", language, confirmed, needed));
		return "<progress max=\"" + needed + "\" value=\"" + confirmed + "\" aria-label=\"" + label + "\">" + label
				+ "</progress> " + label;
	}

	private String detailHtml(Callout callout, Names names, String csrf, String preview, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(names.activity(callout.activity())))
			.append(" · ")
			.append(Html.text(names.place(callout.place())))
			.append("</h1><dl>");
		entry(html, text("console.when", language), when(callout, language));
		entry(html, text("console.needed", language), Integer.toString(callout.needed()));
		entry(html, text("console.short-code", language), callout.shortCode());
		entry(html, text("console.details", language), callout.details());
		entry(html, text("console.meetingPoint", language), callout.meetingPoint());
		entry(html, text("console.contactHint", language), callout.contactHint());
		html.append("</dl>").append(preview);
		live(html, callout, language);
		if (callout.status() == CalloutStatus.OPEN || callout.status() == CalloutStatus.FILLED) {
			html.append("<form method=\"post\" action=\"/console/callouts/")
				.append(callout.id())
				.append("/cancel\">")
				.append(csrf)
				.append("<button type=\"submit\">")
				.append(escaped("console.cancel", language))
				.append("</button></form>");
		}
		return html.toString();
	}

	// Contact data only of those who said yes; a reload shows who joined since.
	private String confirmedHtml(List<ConfirmedContacts.Contact> helpers, String language) {
		StringBuilder html = new StringBuilder("<section id=\"confirmed\" aria-labelledby=\"confirmed-title\"><h2 ")
			.append("id=\"confirmed-title\">")
			.append(escaped("console.confirmed", language))
			.append("</h2>");
		if (helpers.isEmpty()) {
			return html.append("<p>")
				.append(escaped("console.confirmed.none", language))
				.append("</p></section>")
				.toString();
		}
		html.append("<table><thead><tr><th scope=\"col\">")
			.append(escaped("console.confirmed.email", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("console.confirmed.mobile", language))
			.append("</th></tr></thead><tbody>");
		for (ConfirmedContacts.Contact helper : helpers) {
			html.append("<tr><td>").append(contactLink("mailto:", helper.email())).append("</td><td>");
			html.append(contactLink("tel:", helper.mobile())).append("</td></tr>");
		}
		return html.append("</tbody></table></section>").toString();
	}

	private static String contactLink(String scheme, String address) {
		if (address == null) {
			return "–";
		}
		return "<a href=\"" + scheme + Html.text(address) + "\">" + Html.text(address) + "</a>";
	}

	// The fill view that live.js keeps current: labels for every status ride along.
	private void live(StringBuilder html, Callout callout, String language) {
		html.append("<section id=\"live\" aria-labelledby=\"live-title\" data-events=\"/api/callouts/")
			.append(callout.id())
			.append("/events\"");
		for (CalloutStatus status : CalloutStatus.values()) {
			html.append(" data-label-")
				.append(status.name().toLowerCase(Locale.ROOT))
				.append("=\"")
				.append(escaped("console.status." + status, language))
				.append("\"");
		}
		CalloutCounts counts = callout.counts();
		html.append("><h2 id=\"live-title\">")
			.append(escaped("console.live", language))
			.append("</h2><p>")
			.append(escaped("console.status", language))
			.append(": <span class=\"status\" data-status role=\"status\">")
			.append(escaped("console.status." + callout.status(), language))
			.append("</span></p><progress data-fill max=\"")
			.append(callout.needed())
			.append("\" value=\"")
			.append(counts.confirmed())
			.append("\" aria-label=\"")
			.append(escaped("console.fill", language))
			.append("\">")
			.append(counts.confirmed())
			.append(" / ")
			.append(callout.needed())
			.append("</progress><div class=\"counts\">");
		int[] values = { counts.asked(), counts.delivered(), counts.confirmed(), counts.declined(), counts.open() };
		for (int i = 0; i < COUNTS.size(); i++) {
			html.append("<div><strong data-count=\"")
				.append(COUNTS.get(i))
				.append("\">")
				.append(values[i])
				.append("</strong>")
				.append(escaped("console.count." + COUNTS.get(i), language))
				.append("</div>");
		}
		html.append("</div></section>");
	}

	private Mono<ResponseEntity<String>> form(Entered entered, Map<String, String> errors, String preview,
			HttpStatus status, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono
			.zip(this.reference.activities(), this.reference.places(),
					this.community.consoleNavigation(language, exchange), Csrf.field(exchange))
			.map((loaded) -> this.pages.page(language, text("console.new", language))
				.status(status)
				.navigation(loaded.getT3())
				.render(formHtml(entered, errors, preview, loaded.getT1(), loaded.getT2(), loaded.getT4(), language)));
	}

	private String formHtml(Entered entered, Map<String, String> errors, String preview, List<Activity> activities,
			List<Place> places, String csrf, String language) {
		boolean english = "en".equals(language);
		StringBuilder html = new StringBuilder("<h1>").append(escaped("console.new", language)).append("</h1>");
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
		html.append("<form method=\"post\" action=\"/console/callouts\" novalidate>").append(csrf);
		Map<String, String> activityOptions = new LinkedHashMap<>();
		activities.forEach(
				(activity) -> activityOptions.put(activity.code(), english ? activity.nameEn() : activity.nameDe()));
		Map<String, String> placeOptions = new LinkedHashMap<>();
		places.forEach((place) -> placeOptions.put(place.code(), place.name()));
		select(html, "activity", activityOptions, entered, errors, language);
		select(html, "place", placeOptions, entered, errors, language);
		field(html, "startsAt", "<input type=\"datetime-local\"", entered, errors, language);
		field(html, "endsAt", "<input type=\"datetime-local\"", entered, errors, language);
		field(html, "needed", "<input type=\"number\" min=\"1\" max=\"500\"", entered, errors, language);
		label(html, "details", errors, language);
		html.append("<textarea id=\"details\" name=\"details\"")
			.append(invalid("details", errors))
			.append(">")
			.append(Html.text(entered.value("details")))
			.append("</textarea>");
		field(html, "meetingPoint", "<input type=\"text\"", entered, errors, language);
		field(html, "contactHint", "<input type=\"text\"", entered, errors, language);
		boolean notify = entered.form().isEmpty() || "yes".equals(entered.value("notifyWhenFilled"));
		html.append("<label><input type=\"checkbox\" name=\"notifyWhenFilled\" value=\"yes\"")
			.append(notify ? " checked" : "")
			.append(">")
			.append(escaped("console.notifyWhenFilled", language))
			.append("</label>")
			.append(preview)
			.append("<button type=\"submit\" class=\"primary\">")
			.append(escaped("console.create", language))
			.append("</button> <button type=\"submit\" name=\"preview\" value=\"yes\">")
			.append(escaped("console.preview.button", language))
			.append("</button></form>");
		return html.toString();
	}

	private void select(StringBuilder html, String name, Map<String, String> options, Entered entered,
			Map<String, String> errors, String language) {
		label(html, name, errors, language);
		html.append("<select id=\"").append(name).append("\" name=\"").append(name).append("\"");
		html.append(invalid(name, errors)).append("><option value=\"\"></option>");
		options.forEach((code, label) -> html.append("<option value=\"")
			.append(Html.text(code))
			.append("\"")
			.append(code.equals(entered.value(name)) ? " selected" : "")
			.append(">")
			.append(Html.text(label))
			.append("</option>"));
		html.append("</select>");
	}

	private void field(StringBuilder html, String name, String input, Entered entered, Map<String, String> errors,
			String language) {
		label(html, name, errors, language);
		html.append(input)
			.append(" id=\"")
			.append(name)
			.append("\" name=\"")
			.append(name)
			.append("\" value=\"")
			.append(Html.text(entered.value(name)))
			.append("\"")
			.append(invalid(name, errors))
			.append(">");
	}

	private void label(StringBuilder html, String name, Map<String, String> errors, String language) {
		html.append("<label for=\"").append(name).append("\">").append(escaped("console." + name, language));
		html.append("</label>");
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

	private Map<String, String> errors(List<InvalidField> invalid, String language) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidField field : invalid) {
			String name = field.input();
			errors.putIfAbsent(name, text("console.error." + name, language));
		}
		return errors;
	}

	private static void entry(StringBuilder html, String term, String value) {
		if (value != null && !value.isBlank()) {
			html.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(Html.text(value)).append("</dd>");
		}
	}

	private static String when(Callout callout, String language) {
		return WHEN.withLocale(Locale.forLanguageTag(language)).format(callout.startsAt().atZone(ZONE)) + "–"
				+ TIME.format(callout.endsAt().atZone(ZONE));
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

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(CalloutProblem::notFound);
	}

	/**
	 * What the coordinator typed, kept to fill the form again.
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

		NewCallout callout() {
			return new NewCallout(value("activity"), value("place"), instant(value("startsAt")),
					instant(value("endsAt")), number(value("needed")), List.of(), List.of(), value("details"),
					value("meetingPoint"), value("contactHint"), "yes".equals(value("notifyWhenFilled")));
		}

		private static Instant instant(String local) {
			try {
				return LocalDateTime.parse(local).atZone(ZONE).toInstant();
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		private static Integer number(String value) {
			try {
				return Integer.valueOf(value);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
