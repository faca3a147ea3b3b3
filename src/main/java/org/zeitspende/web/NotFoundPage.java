package org.zeitspende.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.PageNotFound;

/**
 * The site's "not found" page, in the request's language.
 */
@Component
class NotFoundPage implements PageNotFound {

	private final Pages pages;

	NotFoundPage(Pages pages) {
		this.pages = pages;
	}

	@Override
	public ResponseEntity<String> page(ServerWebExchange exchange) {
		return this.pages.notFound(PageLanguage.of(exchange));
	}

}
