package org.zeitspende.engagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.reference.Names;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.organisation.OrganisationNames;
import org.zeitspende.security.PageSessions;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * Requirement profiles for everyone: browse the open ones with full-text search, filters
 * and an order (newest, earliest start, or best fit when the visitor says what they
 * offer, each profile then showing its score and why), and one profile's page, where a
 * signed-in helper expresses interest.
 */
@RestController
class RequirementProfilePages {

	private static final int SHOWN = 50;

	private final RequirementProfiles profiles;

	private final Interests interests;

	private final OrganisationNames organisations;

	private final PageSessions sessions;

	private final CommunityPages pages;

	RequirementProfilePages(RequirementProfiles profiles, Interests interests, OrganisationNames organisations,
			PageSessions sessions, CommunityPages pages) {
		this.profiles = profiles;
		this.interests = interests;
		this.organisations = organisations;
		this.sessions = sessions;
		this.pages = pages;
	}

	@GetMapping(path = "/engagement", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> browse(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		Entered entered = Entered.of(exchange.getRequest().getQueryParams());
		BrowseQuery query = new BrowseQuery(entered.value("q"), entered.valueOrNull("place"),
				entered.valueOrNull("activity"), entered.number("maxHoursPerWeek"), null,
				entered.constant("sort", BrowseSort.class), null, null);
		SeekerQuery seeker = new SeekerQuery(entered.number("hoursPerWeek"), entered.values("places"),
				entered.values("activities"), skills(entered.value("skills")), entered.values("languages"));
		List<InvalidField> invalid = new ArrayList<>(this.pages.check(query));
		invalid.addAll(this.pages.check(seeker));
		invalid.addAll(unreadable(entered, "maxHoursPerWeek", query.maxHoursPerWeek()));
		invalid.addAll(unreadable(entered, "hoursPerWeek", seeker.hoursPerWeek()));
		Mono<List<ScoredProfile>> found = invalid.isEmpty() ? Mono.defer(
				() -> this.profiles.browse(query.filter(), seeker.seeker(), query.sortOr(BrowseSort.NEWEST), SHOWN, 0))
				: Mono.error(new InvalidRequestException(invalid));
		return found.flatMap((scored) -> render(scored, entered, Map.of(), HttpStatus.OK, language))
			.onErrorResume(InvalidRequestException.class, (ex) -> render(List.of(), entered,
					this.pages.errors(ex.errors(), "profiles.filter", language), HttpStatus.BAD_REQUEST, language));
	}

	@GetMapping(path = "/engagement/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(@PathVariable UUID id, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.profiles.published(id)
			.flatMap((profile) -> Mono
				.zip(this.pages.names(language), this.pages.languages(language),
						this.organisations.of(List.of(profile.organisationId())), interestHtml(id, exchange, language))
				.map((loaded) -> this.pages.page(language, profile.title())
					.render(detailHtml(profile, loaded.getT1(), loaded.getT2(), loaded.getT3(), loaded.getT4(),
							language))))
			.onErrorResume(EngagementProblem.class,
					(problem) -> this.pages.problem(problem, language, exchange, false));
	}

	// A helper's page (behind the helper's session and a CSRF token), posted from the
	// profile's page, which then says that the helper is interested.
	@PostMapping(path = "/h/me/interests/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> express(@PathVariable UUID id, ServerWebExchange exchange) {
		return Mono.zip(VolunteerController.helperId(), exchange.getFormData())
			.flatMap((loaded) -> this.interests.express(loaded.getT1(), id,
					"yes".equals(loaded.getT2().getFirst("shareContact"))))
			.thenReturn(CommunityPages.seeOther("/engagement/" + id))
			.onErrorResume(EngagementProblem.class,
					(problem) -> this.pages.problem(problem, PageLanguage.of(exchange), exchange, false));
	}

	private Mono<ResponseEntity<String>> render(List<ScoredProfile> scored, Entered entered, Map<String, String> errors,
			HttpStatus status, String language) {
		List<UUID> ids = scored.stream().map((found) -> found.profile().organisationId()).distinct().toList();
		return Mono.zip(this.pages.names(language), this.organisations.of(ids), this.pages.languages(language))
			.map((loaded) -> this.pages.page(language, this.pages.text("profiles.title", language))
				.status(status)
				.render(browseHtml(scored, entered, errors, loaded.getT1(), loaded.getT2(), loaded.getT3(), language)));
	}

	private String browseHtml(List<ScoredProfile> scored, Entered entered, Map<String, String> errors, Names names,
			Map<UUID, String> organisations, Map<String, String> languages, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(this.pages.escaped("profiles.title", language))
			.append("</h1>");
		html.append(this.pages.form(language, "profiles.filter", entered, errors)
			.summary()
			.raw("<form method=\"get\" action=\"/engagement\" role=\"search\">")
			.input("q", "type=\"search\" maxlength=\"200\"")
			.select("place", names.placeOptions())
			.select("activity", names.activityOptions())
			.input("maxHoursPerWeek", "type=\"number\" min=\"1\" max=\"60\" inputmode=\"numeric\"")
			.select("sort", this.pages.options(BrowseSort.values(), "profiles.sort.", language))
			.raw("<details"
					+ (entered.value("hoursPerWeek").isEmpty() && !errors.containsKey("hoursPerWeek") ? "" : " open")
					+ "><summary>" + this.pages.escaped("profiles.fit.title", language) + "</summary><p class=\"hint\">"
					+ this.pages.escaped("profiles.fit.hint", language) + "</p>")
			.input("hoursPerWeek", "type=\"number\" min=\"0\" max=\"60\" inputmode=\"numeric\"")
			.checkboxes("places", names.placeOptions())
			.checkboxes("activities", names.activityOptions())
			.input("skills", "type=\"text\" maxlength=\"400\"")
			.checkboxes("languages", languages)
			.raw("</details>")
			.submit("profiles.filter.submit"));
		if (scored.isEmpty()) {
			return html.append("<p>").append(this.pages.escaped("profiles.empty", language)).append("</p>").toString();
		}
		html.append("<ul class=\"cards\">");
		for (ScoredProfile found : scored) {
			RequirementProfile profile = found.profile();
			html.append("<li><h2><a href=\"/engagement/")
				.append(profile.id())
				.append("\">")
				.append(Html.text(profile.title()))
				.append("</a></h2><p>")
				.append(Html.text(organisations.getOrDefault(profile.organisationId(), "")))
				.append(" · ")
				.append(Html.text(names.activity(profile.activity())))
				.append(" · ")
				.append(this.pages.escaped("profiles.hours.value", language, profile.hoursPerWeek()))
				.append("</p>");
			if (found.score() != null) {
				html.append("<p class=\"fit\"><strong>")
					.append(this.pages.escaped("profiles.fit.score", language, found.score()))
					.append("</strong> ")
					.append(Html.text(explained(found.fit(), "profiles.fit.", this.pages, language)))
					.append("</p>");
			}
			html.append("</li>");
		}
		return html.append("</ul>").toString();
	}

	// Signed out: the way in. Signed in: the interest as it stands, or the form to
	// express it.
	private Mono<String> interestHtml(UUID profileId, ServerWebExchange exchange, String language) {
		return this.sessions.helper(exchange)
			.flatMap((helperId) -> this.interests.mine(helperId, profileId)
				.map((interest) -> "<p class=\"status\">" + this.pages.escaped("profiles.interest.shown", language,
						this.pages.text("console.profiles.interest." + interest.status(), language)) + "</p>")
				.switchIfEmpty(Csrf.field(exchange).map((csrf) -> interestForm(profileId, csrf, language))))
			.switchIfEmpty(Mono.fromSupplier(() -> "<p><a class=\"button primary\" href=\"/h/sign-in\">"
					+ this.pages.escaped("profiles.interest.signIn", language) + "</a> <a href=\"/h/register\">"
					+ this.pages.escaped("profiles.interest.register", language) + "</a></p>"));
	}

	private String interestForm(UUID profileId, String csrf, String language) {
		return "<form method=\"post\" action=\"/h/me/interests/" + profileId + "\">" + csrf
				+ "<label><input type=\"checkbox\" name=\"shareContact\" value=\"yes\"> "
				+ this.pages.escaped("profiles.interest.shareContact", language)
				+ "</label><button type=\"submit\" class=\"primary\">"
				+ this.pages.escaped("profiles.interest.submit", language) + "</button></form>";
	}

	private String detailHtml(RequirementProfile profile, Names names, Map<String, String> languages,
			Map<UUID, String> organisations, String interest, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(profile.title())).append("</h1><dl>");
		html.append(CommunityPages.entry(this.pages.text("profiles.organisation", language),
				organisations.getOrDefault(profile.organisationId(), "")));
		html.append(facts(profile, names, languages, this.pages, language)).append("</dl>");
		if (profile.description() != null && !profile.description().isBlank()) {
			html.append("<p class=\"text\">").append(Html.text(profile.description())).append("</p>");
		}
		return html.append("<h2>")
			.append(this.pages.escaped("profiles.interest.title", language))
			.append("</h2><p>")
			.append(this.pages.escaped("profiles.interest.text", language))
			.append("</p>")
			.append(interest)
			.append("<p><a href=\"/organisations/")
			.append(profile.organisationId())
			.append("\">")
			.append(this.pages.escaped("profiles.organisation.more", language))
			.append("</a></p>")
			.toString();
	}

	/**
	 * The facts of a profile as description-list entries, for the public page and the
	 * console.
	 */
	static String facts(RequirementProfile profile, Names names, Map<String, String> languages, CommunityPages pages,
			String language) {
		StringBuilder html = new StringBuilder();
		html.append(
				CommunityPages.entry(pages.text("profiles.activity", language), names.activity(profile.activity())));
		html.append(CommunityPages.entry(pages.text("profiles.places", language), profile.places().isEmpty()
				? pages.text("profiles.places.anywhere", language) : names.places(profile.places())));
		html.append(CommunityPages.entry(pages.text("profiles.hours", language),
				pages.text("profiles.hours.value", language, profile.hoursPerWeek())));
		html.append(CommunityPages.entry(pages.text("profiles.commitment", language),
				pages.text("profiles.commitment." + profile.commitment(), language)));
		if (profile.durationMonths() != null) {
			html.append(CommunityPages.entry(pages.text("profiles.duration", language),
					pages.text("profiles.duration.value", language, profile.durationMonths())));
		}
		if (profile.startsOn() != null) {
			html.append(CommunityPages.entry(pages.text("profiles.startsOn", language), pages.day(profile.startsOn())));
		}
		html.append(CommunityPages.entry(pages.text("profiles.sought", language),
				Integer.toString(profile.volunteersSought())));
		html.append(CommunityPages.entry(pages.text("profiles.requiredSkills", language),
				String.join(", ", profile.requiredSkills())));
		html.append(CommunityPages.entry(pages.text("profiles.niceToHaveSkills", language),
				String.join(", ", profile.niceToHaveSkills())));
		html.append(CommunityPages.entry(pages.text("profiles.requiredLanguages", language),
				names(profile.requiredLanguages(), languages)));
		html.append(CommunityPages.entry(pages.text("profiles.languages", language),
				names(profile.languages(), languages)));
		List<String> preconditions = new ArrayList<>();
		if (profile.criminalRecordCertificate()) {
			preconditions.add(pages.text("profiles.certificate", language));
		}
		if (profile.minimumAge() != null) {
			preconditions.add(pages.text("profiles.minimumAge.value", language, profile.minimumAge()));
		}
		if (profile.preconditions() != null && !profile.preconditions().isBlank()) {
			preconditions.add(profile.preconditions());
		}
		html.append(
				CommunityPages.entry(pages.text("profiles.preconditions", language), String.join("; ", preconditions)));
		return html.toString();
	}

	private static String names(List<String> codes, Map<String, String> languages) {
		return String.join(", ", codes.stream().map((code) -> languages.getOrDefault(code, code)).toList());
	}

	/**
	 * Why a profile fits, in the page's language.
	 * @param prefix the key prefix of the reasons' words: the helper's pages address the
	 * helper, the console speaks of the helper
	 */
	static String explained(Fit fit, String prefix, CommunityPages pages, String language) {
		return fit.explanation((part) -> pages.text(prefix + part.reason(), language, part.numbers().toArray()));
	}

	/**
	 * Skills as typed into one field, separated by commas.
	 */
	static List<String> skills(String typed) {
		return Arrays.stream(typed.split(",")).map(String::strip).filter((skill) -> !skill.isEmpty()).toList();
	}

	// A number field with something that is not a number: said, not ignored.
	private static List<InvalidField> unreadable(Entered entered, String name, Integer number) {
		return (number == null && !entered.value(name).isEmpty()) ? List.of(new InvalidField(name, "is not a number"))
				: List.of();
	}

}
