package org.zeitspende.security;

import java.net.URI;
import java.net.URISyntaxException;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers a request whose address is no valid URI (a percent sign without two hex digits
 * after it, {@code /?lang=%ZZ}, or a character a URI must not hold) with a problem
 * document, as the firewall's refusals are answered. Spring's server adapter turns such a
 * request away before any filter or handler runs, with 400 and an empty body, so this
 * route comes first, in the server. Nothing of the address is echoed.
 */
@Component
class MalformedAddresses implements NettyRouteProvider {

	static final String PROBLEM = """
			{"type":"%s","title":"Request refused","status":400,\
			"detail":"The request's address is no valid URI, such as a percent sign without two hexadecimal digits."}\
			""".formatted(SecurityProblems.REFUSED);

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route(MalformedAddresses::malformed, MalformedAddresses::refuse);
	}

	static boolean malformed(HttpServerRequest request) {
		String address = request.uri();
		if (plain(address)) {
			return false;
		}
		try {
			new URI(address);
			return false;
		}
		catch (URISyntaxException ex) {
			return true;
		}
	}

	// The usual address, told apart without parsing it: printable ASCII that a URI may
	// hold anywhere as it is (brackets only in a host, # once).
	private static boolean plain(String address) {
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c <= ' ' || c > '~' || "%\"<>\\^`{|}[]#".indexOf(c) >= 0) {
				return false;
			}
		}
		return true;
	}

	private static Mono<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
		return response.status(HttpStatus.BAD_REQUEST.value())
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.sendString(Mono.just(PROBLEM))
			.then();
	}

}
