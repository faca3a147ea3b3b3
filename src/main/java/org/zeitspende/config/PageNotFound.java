package org.zeitspende.config;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page a browser gets for a page's address that leads nowhere, such as one with a
 * malformed id: the pages give it, the problem details use it.
 */
public interface PageNotFound {

	/**
	 * The page, with status 404.
	 * @param exchange the request, for its language
	 * @return the page
	 */
	ResponseEntity<String> notFound(ServerWebExchange exchange);

}
