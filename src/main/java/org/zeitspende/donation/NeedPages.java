package org.zeitspende.donation;

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
import org.zeitspende.organisation.OrganisationNames;
import org.zeitspende.ratelimit.ClientAddress;
import org.zeitspende.ratelimit.RateLimitExceededException;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * Donation needs for everyone: the open ones, filtered by place and category, one need
 * with the pledge form, and the answer to a pledge. The pledge goes through the same
 * service as the JSON API, which never takes more than is still needed.
 */
@RestController
class NeedPages {

	private static final int SHOWN = 100;

	private final Needs needs;

	private final OrganisationNames organisations;

	private final CommunityPages pages;

	private final Pages sitePages;

	NeedPages(Needs needs, OrganisationNames organisations, CommunityPages pages, Pages sitePages) {
		this.needs = needs;
		this.organisations = organisations;
		this.pages = pages;
		this.sitePages = sitePages;
	}

	@GetMapping(path = "/donations", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> list(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		Entered filter = Entered.of(exchange.getRequest().getQueryParams());
		return this.needs.open(filter.valueOrNull("place"), filter.constant("category", Category.class), null, SHOWN, 0)
			.flatMap((open) -> Mono.zip(this.pages.names(language), namesOf(open))
				.map((loaded) -> this.pages.page(language, this.pages.text("needs.title", language))
					.render(listHtml(open, filter, loaded.getT1(), loaded.getT2(), language))));
	}

	@GetMapping(path = "/donations/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(@PathVariable UUID id, ServerWebExchange exchange) {
		return detail(id, Entered.NOTHING, Map.of(), HttpStatus.OK, exchange);
	}

	@PostMapping(path = "/donations/{id}/pledges", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> pledge(@PathVariable UUID id, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return exchange.getFormData().map(Entered::of).flatMap((entered) -> {
			NewPledge pledge = new NewPledge(entered.number("quantity"), entered.value("name"),
					entered.value("contact"));
			List<InvalidField> invalid = this.pages.check(pledge);
			if (!invalid.isEmpty()) {
				return detail(id, entered, this.pages.errors(invalid, "needs.pledge", language), HttpStatus.BAD_REQUEST,
						exchange);
			}
			return this.needs.pledge(id, pledge, ClientAddress.of(exchange))
				.map((receipt) -> this.pages.page(language, this.pages.text("needs.thanks.title", language))
					.render(thanksHtml(id, receipt, language)))
				.onErrorResume(DonationProblem.class, (problem) -> refused(id, entered, problem, language, exchange))
				.onErrorResume(RateLimitExceededException.class, (ex) -> Mono.just(this.sitePages.busy(ex, language)));
		});
	}

	// Over the need, stopped or closed meanwhile: the form again, saying why.
	private Mono<ResponseEntity<String>> refused(UUID id, Entered entered, DonationProblem problem, String language,
			ServerWebExchange exchange) {
		if (problem.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
			return this.pages.problem(problem, language, exchange, false);
		}
		Object stillNeeded = problem.getBody().getProperties() != null
				? problem.getBody().getProperties().get("stillNeeded") : null;
		String message = (stillNeeded != null) ? this.pages.text("needs.pledge.over", language, stillNeeded)
				: this.pages.text("needs.pledge.closed", language);
		return detail(id, entered, Map.of("quantity", message), HttpStatus.CONFLICT, exchange);
	}

	private Mono<ResponseEntity<String>> detail(UUID id, Entered entered, Map<String, String> errors, HttpStatus status,
			ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.needs.published(id)
			.flatMap((need) -> Mono.zip(this.pages.names(language), namesOf(List.of(need)), Csrf.field(exchange))
				.map((loaded) -> this.pages.page(language, need.item())
					.status(status)
					.render(detailHtml(need, loaded.getT1(), loaded.getT2(), loaded.getT3(), entered, errors,
							language))))
			.onErrorResume(DonationProblem.class, (problem) -> this.pages.problem(problem, language, exchange, false));
	}

	private String listHtml(List<Need> open, Entered filter, Names names, Map<UUID, String> organisations,
			String language) {
		StringBuilder html = new StringBuilder("<h1>").append(this.pages.escaped("needs.title", language))
			.append("</h1><p>")
			.append(this.pages.escaped("needs.intro", language))
			.append("</p><form method=\"get\" action=\"/donations\" class=\"filter\">");
		html.append(this.pages.form(language, "needs.filter", filter, Map.of())
			.select("place", names.placeOptions())
			.select("category", this.pages.options(Category.values(), "needs.category.", language))
			.submit("needs.filter.submit"));
		if (open.isEmpty()) {
			return html.append("<p>").append(this.pages.escaped("needs.empty", language)).append("</p>").toString();
		}
		html.append("<ul class=\"cards\">");
		for (Need need : open) {
			html.append("<li>").append(card(need, names, organisations, language)).append("</li>");
		}
		return html.append("</ul>").toString();
	}

	private String card(Need need, Names names, Map<UUID, String> organisations, String language) {
		return "<h2><a href=\"/donations/" + need.id() + "\">" + Html.text(need.item()) + "</a></h2><p>"
				+ Html.text(organisations.getOrDefault(need.organisationId(), "")) + " · "
				+ Html.text(names.place(need.place())) + " · "
				+ this.pages.escaped("needs.category." + need.category(), language) + "</p>"
				+ NeedSection.stillNeeded(need, this.pages, language);
	}

	private String detailHtml(Need need, Names names, Map<UUID, String> organisations, String csrf, Entered entered,
			Map<String, String> errors, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(Html.text(need.item())).append("</h1>");
		html.append(NeedSection.stillNeeded(need, this.pages, language)).append("<dl>");
		html.append(CommunityPages.entry(this.pages.text("needs.organisation", language),
				organisations.getOrDefault(need.organisationId(), "")));
		html.append(CommunityPages.entry(this.pages.text("needs.place", language), names.place(need.place())));
		html.append(CommunityPages.entry(this.pages.text("needs.category", language),
				this.pages.text("needs.category." + need.category(), language)));
		html.append(CommunityPages.entry(this.pages.text("needs.urgency", language),
				this.pages.text("needs.urgency." + need.urgency(), language)));
		html.append(CommunityPages.entry(this.pages.text("needs.notes", language), need.notes()));
		html.append("</dl><p><a href=\"/organisations/")
			.append(need.organisationId())
			.append("\">")
			.append(this.pages.escaped("needs.organisation.more", language))
			.append("</a></p>");
		if (need.status() != NeedStatus.OPEN || need.donationStop()) {
			return html.append("<p class=\"notice\">")
				.append(this.pages.escaped(need.donationStop() ? "needs.stopped" : "needs.closed", language))
				.append("</p>")
				.toString();
		}
		int stillNeeded = need.quantityNeeded() - need.quantityPledged();
		html.append("<h2 id=\"pledge\">").append(this.pages.escaped("needs.pledge.title", language)).append("</h2>");
		html.append("<p class=\"hint\">").append(this.pages.escaped("needs.pledge.privacy", language)).append("</p>");
		return html
			.append(this.pages.form(language, "needs.pledge", entered, errors)
				.summary()
				.raw("<form method=\"post\" action=\"/donations/" + need.id() + "/pledges\" novalidate>" + csrf)
				.input("quantity", "type=\"number\" min=\"1\" max=\"" + stillNeeded + "\" inputmode=\"numeric\"")
				.input("name", "type=\"text\" autocomplete=\"name\" maxlength=\"200\"")
				.input("contact", "type=\"text\" autocomplete=\"email\" maxlength=\"200\"")
				.submit("needs.pledge.submit"))
			.toString();
	}

	private String thanksHtml(UUID id, PledgeReceipt receipt, String language) {
		return "<h1>" + this.pages.escaped("needs.thanks.title", language) + "</h1><p role=\"status\">"
				+ this.pages.escaped("needs.thanks.text", language, receipt.quantity()) + "</p><p>"
				+ this.pages.escaped((receipt.stillNeeded() > 0) ? "needs.thanks.still" : "needs.thanks.met", language,
						receipt.stillNeeded())
				+ "</p><p><a href=\"/donations/" + id + "\">" + this.pages.escaped("needs.thanks.back", language)
				+ "</a></p>";
	}

	private Mono<Map<UUID, String>> namesOf(List<Need> needs) {
		return this.organisations.of(needs.stream().map(Need::organisationId).distinct().toList());
	}

}
