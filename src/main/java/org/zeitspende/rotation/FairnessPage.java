package org.zeitspende.rotation;

import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.web.Html;
import org.zeitspende.web.PageLanguage;
import org.zeitspende.web.Pages;

/**
 * For platform operators: how evenly the asks spread over the helpers, as the page of
 * {@code GET /api/admin/fairness}. Counts only, never who.
 */
@RestController
class FairnessPage {

	private final FairnessReport report;

	private final Pages pages;

	FairnessPage(FairnessReport report, Pages pages) {
		this.report = report;
		this.pages = pages;
	}

	@GetMapping(path = "/console/operator/fairness", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.report.overall()
			.map((fairness) -> this.pages.page(language, text("fairness.title", language))
				.navigation("<a href=\"/console/operator\">" + escaped("operator.title", language) + "</a>")
				.render(html(fairness, language)));
	}

	private String html(Fairness fairness, String language) {
		StringBuilder html = new StringBuilder("<h1>").append(escaped("fairness.title", language))
			.append("</h1><p>")
			.append(escaped("fairness.intro", language))
			.append("</p><dl>");
		entry(html, text("fairness.helpers", language), Long.toString(fairness.helpers()));
		entry(html, text("fairness.min", language), Long.toString(fairness.min()));
		entry(html, text("fairness.max", language), Long.toString(fairness.max()));
		entry(html, text("fairness.mean", language),
				String.format(Locale.forLanguageTag(language), "%.1f", fairness.mean()));
		html.append("</dl><table><thead><tr><th scope=\"col\">")
			.append(escaped("fairness.asks", language))
			.append("</th><th scope=\"col\">")
			.append(escaped("fairness.helpersAsked", language))
			.append("</th></tr></thead><tbody>");
		for (Map.Entry<Long, Long> row : fairness.histogram().entrySet()) {
			html.append("<tr><td>")
				.append(row.getKey())
				.append("</td><td>")
				.append(row.getValue())
				.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private static void entry(StringBuilder html, String term, String value) {
		html.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(Html.text(value)).append("</dd>");
	}

	private String text(String key, String language) {
		return this.pages.text(key, language);
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

}
