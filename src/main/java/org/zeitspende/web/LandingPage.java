package org.zeitspende.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The front door: what Zeitspende is, the way to become a helper, and the way in for
 * organisations.
 */
@RestController
class LandingPage {

	private final Pages pages;

	LandingPage(Pages pages) {
		this.pages = pages;
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> show(ServerWebExchange exchange) {
		String language = PageLanguage.of(exchange);
		String main = "<h1>" + text("landing.title", language) + "</h1><p>" + text("landing.intro", language)
				+ "</p><p><a class=\"button primary\" href=\"/h/register\">" + text("landing.register", language)
				+ "</a> <a class=\"button\" href=\"/h/sign-in\">" + text("landing.profile", language) + "</a></p><h2>"
				+ text("landing.how.title", language) + "</h2><ol><li>" + text("landing.how.1", language) + "</li><li>"
				+ text("landing.how.2", language) + "</li><li>" + text("landing.how.3", language) + "</li></ol><h2>"
				+ text("landing.community.title", language) + "</h2><p>" + text("landing.community.text", language)
				+ "</p><ul>" + link("/engagement", language) + link("/organisations", language)
				+ link("/events", language) + link("/news", language) + link("/donations", language) + "</ul><h2>"
				+ text("landing.organisations.title", language) + "</h2><p>"
				+ text("landing.organisations.text", language) + " <a href=\"/login\">"
				+ text("landing.organisations.login", language) + "</a></p>";
		return this.pages.page(language, this.pages.text("landing.title", language)).render(main);
	}

	// A community page, named by the text community.nav.<its path>.
	private String link(String path, String language) {
		return "<li><a href=\"" + path + "\">" + text("community.nav" + path.replace('/', '.'), language) + "</a></li>";
	}

	private String text(String key, String language) {
		return Html.text(this.pages.text(key, language));
	}

}
