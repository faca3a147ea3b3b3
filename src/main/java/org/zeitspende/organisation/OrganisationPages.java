package org.zeitspende.organisation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.community.CommunityPages;
import org.zeitspende.community.Entered;
import org.zeitspende.reference.Names;
import org.zeitspende.community.OrganisationSection;
import org.zeitspende.web.Html;
import org.zeitspende.web.Page;
import org.zeitspende.web.PageLanguage;

/**
 * The public directory of approved organisations, filterable by place, and each one's
 * page: what it does, how to reach it, where it works, and the sections the features add
 * (requirement profiles, events, news, donation needs).
 */
@RestController
class OrganisationPages {

	private final OrganisationRepository organisations;

	private final List<OrganisationSection> sections;

	private final CommunityPages pages;

	OrganisationPages(OrganisationRepository organisations, List<OrganisationSection> sections, CommunityPages pages) {
		this.organisations = organisations;
		this.sections = sections;
		this.pages = pages;
	}

	@GetMapping(path = "/organisations", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> directory(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		Entered filter = Entered.of(exchange.getRequest().getQueryParams());
		String place = filter.valueOrNull("place");
		return Mono
			.zip(this.organisations.findAll(OrganisationStatus.APPROVED)
				.filter((organisation) -> place == null || organisation.places().contains(place))
				.collectList(), this.pages.names(language))
			.map((loaded) -> this.pages.page(language, this.pages.text("organisations.title", language))
				.render(directoryHtml(loaded.getT1(), filter, loaded.getT2(), language)));
	}

	@GetMapping(path = "/organisations/{id}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> page(@PathVariable UUID id, ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.organisations.find(id)
			.filter((organisation) -> organisation.status() == OrganisationStatus.APPROVED)
			.switchIfEmpty(Mono.error(AccountProblem::organisationNotFound))
			.flatMap((organisation) -> Mono.zip(this.pages.names(language),
					Flux.fromIterable(this.sections).concatMap((section) -> section.html(id, language)).collectList())
				.map((loaded) -> {
					Page page = this.pages.page(language, organisation.name());
					Optional<URI> logo = logoOf(organisation);
					logo.ifPresent(page::imageFrom);
					return page.render(pageHtml(organisation, logo, loaded.getT1(), loaded.getT2(), language));
				}))
			.onErrorResume(AccountProblem.class, (problem) -> this.pages.problem(problem, language, exchange, false));
	}

	private String directoryHtml(List<Organisation> found, Entered filter, Names names, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(this.pages.escaped("organisations.title", language))
			.append("</h1><form method=\"get\" action=\"/organisations\" class=\"filter\">")
			.append(this.pages.form(language, "organisations.filter", filter, Map.of())
				.select("place", names.placeOptions())
				.submit("organisations.filter.submit"));
		if (found.isEmpty()) {
			return html.append("<p>")
				.append(this.pages.escaped("organisations.empty", language))
				.append("</p>")
				.toString();
		}
		html.append("<ul class=\"cards\">");
		for (Organisation organisation : found) {
			html.append("<li><h2><a href=\"/organisations/")
				.append(organisation.id())
				.append("\">")
				.append(Html.text(organisation.name()))
				.append("</a></h2><p>")
				.append(Html.text(names.places(organisation.places())))
				.append("</p></li>");
		}
		return html.append("</ul>").toString();
	}

	private String pageHtml(Organisation organisation, Optional<URI> logo, Names names, List<String> sections,
			String language) {
		StringBuilder html = new StringBuilder();
		// The logo's server learns neither the page nor the visitor's way here.
		logo.ifPresent((source) -> html.append("<img class=\"logo\" src=\"")
			.append(Html.text(source.toString()))
			.append("\" alt=\"")
			.append(this.pages.escaped("organisations.logo", language, organisation.name()))
			.append("\" referrerpolicy=\"no-referrer\" loading=\"lazy\" decoding=\"async\">"));
		html.append("<h1>").append(Html.text(organisation.name())).append("</h1>");
		if (organisation.description() != null && !organisation.description().isBlank()) {
			html.append("<p class=\"text\">").append(Html.text(organisation.description())).append("</p>");
		}
		html.append("<dl>")
			.append(CommunityPages.entry(this.pages.text("organisations.places", language),
					names.places(organisation.places())))
			.append("<dt>")
			.append(this.pages.escaped("organisations.contact", language))
			.append("</dt><dd><a href=\"mailto:")
			.append(Html.text(organisation.contactEmail()))
			.append("\">")
			.append(Html.text(organisation.contactEmail()))
			.append("</a></dd>");
		String website = organisation.website();
		if (website != null && isWebAddress(website)) {
			html.append("<dt>")
				.append(this.pages.escaped("organisations.website", language))
				.append("</dt><dd><a href=\"")
				.append(Html.text(website))
				.append("\" rel=\"nofollow noopener\">")
				.append(Html.text(website))
				.append("</a></dd>");
		}
		html.append("</dl>");
		sections.forEach(html::append);
		return html.toString();
	}

	// Checked when saved; read again here, so that nothing but an https address with a
	// host reaches the image or the page's policy.
	private static Optional<URI> logoOf(Organisation organisation) {
		if (organisation.logoUrl() == null) {
			return Optional.empty();
		}
		try {
			URI logo = new URI(organisation.logoUrl());
			return ("https".equalsIgnoreCase(logo.getScheme()) && logo.getHost() != null) ? Optional.of(logo)
					: Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	// Only web addresses become links: no other scheme reaches an href.
	private static boolean isWebAddress(String website) {
		String lower = website.toLowerCase(Locale.ROOT);
		return lower.startsWith("https://") || lower.startsWith("http://");
	}

}
