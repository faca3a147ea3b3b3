package org.zeitspende.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The language a page is shown in: German first, English when chosen with
 * {@code ?lang=en} (remembered in a cookie) or, before any choice, when the browser
 * prefers it.
 */
public final class PageLanguage {

	static final List<String> SUPPORTED = List.of("de", "en");

	private static final String PARAMETER = "lang";

	private static final String COOKIE = "lang";

	private PageLanguage() {
	}

	/**
	 * The language of this request's page; a choice in the query is remembered.
	 * @param exchange the request
	 * @return {@code de} or {@code en}
	 */
	public static String of(ServerWebExchange exchange) {
		String chosen = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
		if (chosen != null && SUPPORTED.contains(chosen)) {
			exchange.getResponse()
				.addCookie(ResponseCookie.from(COOKIE, chosen)
					.path("/")
					.maxAge(Duration.ofDays(365))
					.sameSite("Lax")
					.httpOnly(true)
					.build());
			return chosen;
		}
		HttpCookie remembered = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (remembered != null && SUPPORTED.contains(remembered.getValue())) {
			return remembered.getValue();
		}
		return preferred(exchange).stream()
			.map(Locale::getLanguage)
			.filter(SUPPORTED::contains)
			.findFirst()
			.orElse("de");
	}

	// A header the browser got wrong (a weight above 1, a subtag too long) states no
	// preference: the page is shown, in German.
	private static List<Locale> preferred(ServerWebExchange exchange) {
		try {
			return exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

}
