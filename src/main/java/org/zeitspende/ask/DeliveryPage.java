package org.zeitspende.ask;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * For platform operators: how the asks fared, per channel and delivery status, over all
 * organisations.
 */
@RestController
class DeliveryPage {

	private final AskRepository asks;

	private final Pages pages;

	DeliveryPage(AskRepository asks, Pages pages) {
		this.asks = asks;
		this.pages = pages;
	}

	@GetMapping(path = "/console/operator/delivery", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> show(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		return this.asks.countsByChannelAndStatus()
			.map((counts) -> this.pages.page(language, text("delivery.title", language))
				.navigation("<a href=\"/console/operator\">" + escaped("operator.title", language) + "</a>")
				.render(html(counts, language)));
	}

	private String html(Map<String, Map<AskStatus, Long>> counts, String language) {
		List<AskStatus> statuses = List.of(AskStatus.values());
		StringBuilder html = new StringBuilder("<h1>").append(escaped("delivery.title", language))
			.append("</h1><table><thead><tr><th scope=\"col\">")
			.append(escaped("delivery.channel", language))
			.append("</th>");
		for (AskStatus status : statuses) {
			html.append("<th scope=\"col\">").append(status.name()).append("</th>");
		}
		html.append("</tr></thead><tbody>");
		new TreeMap<>(counts).forEach((channel, byStatus) -> {
			html.append("<tr><th scope=\"row\">").append(Html.text(channel)).append("</th>");
			for (AskStatus status : statuses) {
				html.append("<td>").append(byStatus.getOrDefault(status, 0L)).append("</td>");
			}
			html.append("</tr>");
		});
		return html.append("</tbody></table>").toString();
	}

	private String text(String key, String language) {
		return this.pages.text(key, language);
	}

	private String escaped(String key, String language) {
		return Html.text(text(key, language));
	}

}
