package org.zeitspende.helper;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zeitspende.ratelimit.RateLimitExceededException;
import org.zeitspende.web.Html;
import org.zeitspende.web.Pages;

/**
 * The answer of a helper page over a limit: a page that asks to wait a moment, with the
 * refusal's status and {@code Retry-After}.
 */
final class BusyPage {

	private BusyPage() {
	}

	static ResponseEntity<String> of(RateLimitExceededException refusal, Pages pages, HelperMessages messages,
			String language) {
		Locale locale = Locale.forLanguageTag(language);
		String title = messages.optionalText("page.busy.title", locale);
		return pages.page(language, title)
			.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.render("<h1>" + Html.text(title) + "</h1><p>" + Html.text(messages.optionalText("page.busy.text", locale))
					+ "</p>");
	}

}
