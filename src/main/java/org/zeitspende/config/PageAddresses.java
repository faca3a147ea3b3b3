package org.zeitspende.config;

import org.springframework.web.server.ServerWebExchange;

/**
 * Which requests are a browser's pages: everything outside the JSON API and the webhooks.
 * The security filters and the problem details answer them with pages.
 */
public final class PageAddresses {

	private PageAddresses() {
	}

	/**
	 * Whether the request is for a page.
	 * @param exchange the request
	 * @return {@code false} under {@code /api/} and {@code /hooks/}
	 */
	public static boolean isPage(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return !path.startsWith("/api/") && !path.startsWith("/hooks/");
	}

}
