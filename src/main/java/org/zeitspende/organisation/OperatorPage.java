package org.zeitspende.organisation;

import java.net.URI;
import java.util.List;
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
import org.zeitspende.security.Caller;
import org.zeitspende.web.Csrf;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * The platform operators' page: organisations waiting for approval, each with its approve
 * button (the same as {@code POST /api/admin/organisations/{id}/approve}).
 */
@RestController
class OperatorPage {

	private static final String PAGE = "/console/operator";

	private final Organisations organisations;

	private final Pages pages;

	OperatorPage(Organisations organisations, Pages pages) {
		this.organisations = organisations;
		this.pages = pages;
	}

	@GetMapping(path = PAGE, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return Mono.zip(this.organisations.all(OrganisationStatus.PENDING).collectList(), Csrf.field(exchange))
			.map((loaded) -> this.pages.page(language, text("operator.title", language))
				.navigation("<a href=\"/console/password\">" + escaped("account.password.title", language)
						+ "</a><form method=\"post\" action=\"/logout\">" + loaded.getT2()
						+ "<button type=\"submit\" class=\"link\">" + escaped("console.logout", language)
						+ "</button></form>")
				.render(html(loaded.getT1(), loaded.getT2(), language)));
	}

	@PostMapping(path = PAGE + "/organisations/{id}/approve")
	Mono<ResponseEntity<String>> approve(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.organisations.changeStatus(id, OrganisationStatus.APPROVED, caller.subject())
			.thenReturn(ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(PAGE)).<String>build());
	}

	private String html(List<Organisation> pending, String csrf, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(escaped("operator.title", language))
			.append("</h1><p><a href=\"" + PAGE + "/fairness\">")
			.append(escaped("fairness.title", language))
			.append("</a> · <a href=\"" + PAGE + "/delivery\">")
			.append(escaped("delivery.title", language))
			.append("</a></p><h2>")
			.append(escaped("operator.pending", language))
			.append("</h2>");
		if (pending.isEmpty()) {
			return html.append("<p>").append(escaped("operator.pending.none", language)).append("</p>").toString();
		}
		html.append("<table><thead><tr><th scope=\"col\">")
			.append(escaped("operator.organisation", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("operator.contact", language))
			.append("</th><th scope=\"col\"><span class=\"skip\">")
			.append(escaped("operator.approve", language))
			.append("</span></th></tr></thead><tbody>");
		for (Organisation organisation : pending) {
			html.append("<tr><td><strong>")
				.append(Html.text(organisation.name()))
				.append("</strong><br>")
				.append(Html.text(organisation.description()))
				.append("</td><td>")
				.append(Html.text(organisation.contactEmail()))
				.append("</td><td><form method=\"post\" action=\"" + PAGE + "/organisations/")
				.append(organisation.id())
				.append("/approve\">")
				.append(csrf)
				.append("<button type=\"submit\" aria-label=\"")
				.append(Html.text(this.pages.text("operator.approve.label", language, organisation.name())))
				.append("\">")
				.append(escaped("operator.approve", language))
				.append("</button></form></td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private String text(String key, String language) {
		return this.pages.text(key, language);
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

}
