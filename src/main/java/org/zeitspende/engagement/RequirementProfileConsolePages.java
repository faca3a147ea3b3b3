package org.zeitspende.engagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.community.FormHtml;
import org.zeitspende.reference.Names;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;

/**
 * The console's requirement profiles: the organisation's profiles, a form to create one
 * and one to change it, pausing, opening and closing, and the interested helpers, best
 * fit first and pseudonymous unless they shared their contact, to accept or decline.
 * Another organisation's profile is not found.
 */
@RestController
class RequirementProfileConsolePages {

	private static final String HOME = "/console/profiles";

	private final RequirementProfiles profiles;

	private final Interests interests;

	private final CommunityPages pages;

	RequirementProfileConsolePages(RequirementProfiles profiles, Interests interests, CommunityPages pages) {
		this.profiles = profiles;
		this.interests = interests;
		this.pages = pages;
	}

	@GetMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		String title = this.pages.text("community.console.profiles", language);
		return Mono
			.zip(this.profiles.list(organisationOf(caller), null, 100, 0),
					this.pages.consolePage(language, title, exchange))
			.map((loaded) -> loaded.getT2().render(listHtml(loaded.getT1(), language)));
	}

	@GetMapping(path = HOME + "/new", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> form(ServerWebExchange exchange) {
		return form(
				new Entered(Map.of("commitment", List.of(Commitment.REGULAR.name()), "volunteersSought", List.of("1"))),
				Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = HOME, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> create(@AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewRequirementProfile profile = profileOf(entered);
			List<InvalidField> invalid = this.pages.check(profile);
			Mono<RequirementProfile> created = invalid.isEmpty()
					? this.profiles.create(organisationOf(caller), caller.subject(), profile)
					: Mono.error(new InvalidRequestException(invalid));
			return created.map((done) -> CommunityPages.seeOther(HOME + "/" + done.id()))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> form(entered, this.pages.errors(ex.errors(), "console.profiles", language),
								HttpStatus.BAD_REQUEST, exchange));
		});
	}

	@GetMapping(path = HOME + "/{id}/edit", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> editForm(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return this.profiles.existing(organisationOf(caller), id)
			.flatMap((profile) -> editForm(id, entered(profile), Map.of(), HttpStatus.OK, exchange))
			.onErrorResume(EngagementProblem.class,
					(problem) -> this.pages.problem(problem, PageLanguage.of(exchange), exchange, true));
	}

	@PostMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewRequirementProfile profile = profileOf(entered);
			List<InvalidField> invalid = this.pages.check(profile);
			Mono<RequirementProfile> replaced = invalid.isEmpty()
					? this.profiles.replace(organisationOf(caller), id, profile)
					: Mono.error(new InvalidRequestException(invalid));
			return replaced.map((done) -> CommunityPages.seeOther(HOME + "/" + id))
				.onErrorResume(InvalidRequestException.class,
						(ex) -> editForm(id, entered, this.pages.errors(ex.errors(), "console.profiles", language),
								HttpStatus.BAD_REQUEST, exchange))
				.onErrorResume(EngagementProblem.class,
						(problem) -> this.pages.problem(problem, language, exchange, true));
		});
	}

	@GetMapping(path = HOME + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		UUID organisation = organisationOf(caller);
		return this.profiles.existing(organisation, id)
			.flatMap((profile) -> Mono
				.zip(this.interests.ranked(organisation, id), this.pages.names(language),
						this.pages.languages(language), Csrf.field(exchange),
						this.pages.consolePage(language, profile.title(), exchange))
				.map((loaded) -> loaded.getT5()
					.render(detailHtml(profile, loaded.getT1(), loaded.getT2(), loaded.getT3(), loaded.getT4(),
							language))))
			.onErrorResume(EngagementProblem.class, (problem) -> this.pages.problem(problem, language, exchange, true));
	}

	@PostMapping(HOME + "/{id}/pause")
	Mono<ResponseEntity<String>> pause(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return back(id, this.profiles.pause(organisationOf(caller), id), exchange);
	}

	@PostMapping(HOME + "/{id}/open")
	Mono<ResponseEntity<String>> open(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return back(id, this.profiles.open(organisationOf(caller), id), exchange);
	}

	@PostMapping(HOME + "/{id}/close")
	Mono<ResponseEntity<String>> close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			ServerWebExchange exchange) {
		return back(id, this.profiles.close(organisationOf(caller), id), exchange);
	}

	@PostMapping(HOME + "/{id}/interests/{interest}/accept")
	Mono<ResponseEntity<String>> accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable UUID interest, ServerWebExchange exchange) {
		return back(id,
				this.interests.decide(organisationOf(caller), caller.subject(), id, interest, InterestStatus.ACCEPTED),
				exchange);
	}

	@PostMapping(HOME + "/{id}/interests/{interest}/decline")
	Mono<ResponseEntity<String>> decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable UUID interest, ServerWebExchange exchange) {
		return back(id,
				this.interests.decide(organisationOf(caller), caller.subject(), id, interest, InterestStatus.DECLINED),
				exchange);
	}

	private Mono<ResponseEntity<String>> back(UUID id, Mono<?> change, ServerWebExchange exchange) {
		return change.thenReturn(CommunityPages.seeOther(HOME + "/" + id))
			.onErrorResume(EngagementProblem.class,
					(problem) -> this.pages.problem(problem, PageLanguage.of(exchange), exchange, true));
	}

	private Mono<ResponseEntity<String>> form(Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		return this.pages.languages(PageLanguage.of(exchange))
			.flatMap((languages) -> this.pages.consoleForm(HOME, "console.profiles", entered, errors, status, exchange,
					(form, names) -> fields(form, names, languages, PageLanguage.of(exchange))));
	}

	private Mono<ResponseEntity<String>> editForm(UUID id, Entered entered, Map<String, String> errors,
			HttpStatus status, ServerWebExchange exchange) {
		return this.pages.languages(PageLanguage.of(exchange))
			.flatMap((languages) -> this.pages.consoleEditForm(HOME + "/" + id, "console.profiles", entered, errors,
					status, exchange, (form, names) -> fields(form, names, languages, PageLanguage.of(exchange))));
	}

	private FormHtml fields(FormHtml form, Names names, Map<String, String> languages, String language) {
		return form.input("title", "type=\"text\" maxlength=\"200\"")
			.textarea("description")
			.select("activity", names.activityOptions())
			.checkboxes("places", names.placeOptions())
			.input("hoursPerWeek", "type=\"number\" min=\"1\" max=\"60\" inputmode=\"numeric\"")
			.select("commitment", this.pages.options(Commitment.values(), "profiles.commitment.", language))
			.input("durationMonths", "type=\"number\" min=\"1\" max=\"120\" inputmode=\"numeric\"")
			.input("startsOn", "type=\"date\"")
			.input("volunteersSought", "type=\"number\" min=\"1\" max=\"500\" inputmode=\"numeric\"")
			.input("requiredSkills", "type=\"text\" maxlength=\"800\"")
			.input("niceToHaveSkills", "type=\"text\" maxlength=\"800\"")
			.checkboxes("requiredLanguages", languages)
			.checkboxes("languages", languages)
			.checkbox("criminalRecordCertificate")
			.input("minimumAge", "type=\"number\" min=\"14\" max=\"99\" inputmode=\"numeric\"")
			.textarea("preconditions");
	}

	private static NewRequirementProfile profileOf(Entered entered) {
		return new NewRequirementProfile(entered.value("title"), entered.value("description"),
				entered.value("activity"), entered.values("places"),
				RequirementProfilePages.skills(entered.value("requiredSkills")),
				RequirementProfilePages.skills(entered.value("niceToHaveSkills")), entered.values("requiredLanguages"),
				entered.values("languages"), entered.number("hoursPerWeek"),
				entered.constant("commitment", Commitment.class), entered.number("durationMonths"),
				entered.ticked("criminalRecordCertificate"), entered.number("minimumAge"),
				entered.value("preconditions"), entered.date("startsOn"), entered.number("volunteersSought"));
	}

	// The stored profile, as the form shows it before any change.
	private static Entered entered(RequirementProfile profile) {
		Map<String, List<String>> form = new HashMap<>();
		form.put("title", List.of(profile.title()));
		form.put("description", optional(profile.description()));
		form.put("activity", List.of(profile.activity()));
		form.put("places", profile.places());
		form.put("hoursPerWeek", List.of(String.valueOf(profile.hoursPerWeek())));
		form.put("commitment", List.of(profile.commitment().name()));
		form.put("durationMonths", optional(profile.durationMonths()));
		form.put("startsOn", optional(profile.startsOn()));
		form.put("volunteersSought", List.of(String.valueOf(profile.volunteersSought())));
		form.put("requiredSkills", List.of(String.join(", ", profile.requiredSkills())));
		form.put("niceToHaveSkills", List.of(String.join(", ", profile.niceToHaveSkills())));
		form.put("requiredLanguages", profile.requiredLanguages());
		form.put("languages", profile.languages());
		form.put("criminalRecordCertificate", profile.criminalRecordCertificate() ? List.of("yes") : List.of());
		form.put("minimumAge", optional(profile.minimumAge()));
		form.put("preconditions", optional(profile.preconditions()));
		return new Entered(form);
	}

	private static List<String> optional(Object value) {
		return (value != null) ? List.of(value.toString()) : List.of();
	}

	private String listHtml(List<RequirementProfile> list, String language) {
		return this.pages.consoleList(HOME, "community.console.profiles", "console.profiles",
				List.of("title", "status"), list.stream().map((profile) -> row(profile, language)).toList(), language);
	}

	private String row(RequirementProfile profile, String language) {
		return "<td><a href=\"" + HOME + "/" + profile.id() + "\">" + Html.text(profile.title()) + "</a></td><td>"
				+ this.pages.escaped("console.profiles.status." + profile.status(), language) + "</td>";
	}

	private String detailHtml(RequirementProfile profile, List<InterestedHelper> interested, Names names,
			Map<String, String> languages, String csrf, String language) {
		String path = HOME + "/" + profile.id();
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(profile.title())).append("</h1><dl>");
		html.append(CommunityPages.entry(this.pages.text("console.profiles.status", language),
				this.pages.text("console.profiles.status." + profile.status(), language)));
		html.append(RequirementProfilePages.facts(profile, names, languages, this.pages, language)).append("</dl>");
		html.append(changes(profile, path, csrf, language));
		html.append("<h2>").append(this.pages.escaped("console.profiles.interested", language)).append("</h2>");
		if (interested.isEmpty()) {
			return html.append("<p>")
				.append(this.pages.escaped("console.profiles.interested.empty", language))
				.append("</p>")
				.toString();
		}
		html.append("<table><thead><tr><th scope=\"col\">")
			.append(this.pages.escaped("console.profiles.helper", language))
			.append("</th><th scope=\"col\">")
			.append(this.pages.escaped("console.profiles.fit", language))
			.append("</th><th scope=\"col\">")
			.append(this.pages.escaped("console.profiles.status", language))
			.append("</th></tr></thead><tbody>");
		for (InterestedHelper helper : interested) {
			html.append("<tr><td>").append(Html.text(helper.pseudonym()));
			if (helper.contactShared()) {
				for (String contact : new String[] { helper.email(), helper.mobile() }) {
					if (contact != null) {
						html.append("<br>").append(Html.text(contact));
					}
				}
			}
			html.append("</td><td><strong>")
				.append(helper.score())
				.append("</strong> ")
				.append(Html.text(
						RequirementProfilePages.explained(helper.fit(), "console.profiles.fit.", this.pages, language)))
				.append("</td><td>")
				.append(this.pages.escaped("console.profiles.interest." + helper.status(), language));
			if (helper.status() == InterestStatus.PENDING) {
				String interest = path + "/interests/" + helper.interestId();
				html.append(CommunityPages.button(interest + "/accept", csrf,
						this.pages.text("console.profiles.accept", language)));
				html.append(CommunityPages.button(interest + "/decline", csrf,
						this.pages.text("console.profiles.decline", language)));
			}
			html.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	// What the organisation may still do with the profile.
	private String changes(RequirementProfile profile, String path, String csrf, String language) {
		StringBuilder changes = new StringBuilder();
		if (profile.status() == ProfileStatus.OPEN) {
			changes.append(
					CommunityPages.button(path + "/pause", csrf, this.pages.text("console.profiles.pause", language)));
		}
		if (profile.status() == ProfileStatus.PAUSED) {
			changes.append(
					CommunityPages.button(path + "/open", csrf, this.pages.text("console.profiles.open", language)));
		}
		if (profile.status() != ProfileStatus.CLOSED) {
			changes.append("<p><a class=\"button\" href=\"")
				.append(path)
				.append("/edit\">")
				.append(this.pages.escaped("console.profiles.edit", language))
				.append("</a></p>");
			changes.append(
					CommunityPages.button(path + "/close", csrf, this.pages.text("console.profiles.close", language)));
		}
		return changes.toString();
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(EngagementProblem::profileNotFound);
	}

}
