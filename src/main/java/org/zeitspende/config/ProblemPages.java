package org.zeitspende.config;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * The pages a browser gets where the JSON API answers with problem details: the pages
 * give them, the problem details use them for every request to a page's address.
 */
public interface ProblemPages {

	/**
	 * The page for an address that leads nowhere, such as one with a malformed id.
	 * @param exchange the request, for its language
	 * @return the page, with status 404
	 */
	ResponseEntity<String> notFound(ServerWebExchange exchange);

	/**
	 * The page for a request that could not be served for a moment (the database out of
	 * reach, the service too busy).
	 * @param exchange the request, for its language
	 * @return the page, with status 503 and {@code Retry-After}
	 */
	ResponseEntity<String> unavailable(ServerWebExchange exchange);

	/**
	 * The page for a failure on the service's side.
	 * @param exchange the request, for its language and the id to quote
	 * @return the page, with status 500
	 */
	ResponseEntity<String> failed(ServerWebExchange exchange);

}
