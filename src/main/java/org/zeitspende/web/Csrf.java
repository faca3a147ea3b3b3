package org.zeitspende.web;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * The hidden field that carries the CSRF token in a form. Every form that changes
 * something and is not bound to an unguessable link token needs it.
 */
public final class Csrf {

	private Csrf() {
	}

	/**
	 * The hidden input with this request's CSRF token.
	 * @param exchange the request
	 * @return the field's HTML; empty when the request has no token
	 */
	public static Mono<String> field(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.just("");
		}
		return token.map((csrf) -> "<input type=\"hidden\" name=\"" + Html.text(csrf.getParameterName()) + "\" value=\""
				+ Html.text(csrf.getToken()) + "\">");
	}

}
