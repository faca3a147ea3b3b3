package org.zeitspende.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.config.ProblemPages;
import org.zeitspende.config.TemporarilyUnavailableException;
import org.zeitspende.ratelimit.RateLimitExceededException;

/**
 * Renders pages in the shared look. The stylesheet is inlined (one request on a slow
 * connection) and allowed by its hash; scripts, where a page needs one, come only from
 * {@code /assets/}. Stylesheet and scripts are read once at start-up.
 */
@Component
public class Pages implements ProblemPages {

	private final String style;

	private final String styleHash;

	private final Map<String, String> scripts;

	private final PageMessages messages;

	private final WebProperties properties;

	Pages(PageMessages messages, WebProperties properties) throws IOException {
		this.messages = messages;
		this.properties = properties;
		this.style = resource("web/zeitspende.css").strip();
		this.styleHash = "'sha256-" + sha256(this.style) + "'";
		this.scripts = Map.of("live.js", resource("web/live.js"));
	}

	/**
	 * A page to fill.
	 * @param language {@code de} or {@code en}
	 * @param title the title, also the page's heading unless the body has its own
	 * @return the page
	 */
	public Page page(String language, String title) {
		return new Page(this, language, title);
	}

	/**
	 * A text of the pages.
	 * @param key the key
	 * @param language {@code de} or {@code en}
	 * @param arguments values for placeholders
	 * @return the text
	 */
	public String text(String key, String language, Object... arguments) {
		return this.messages.text(key, language, arguments);
	}

	/**
	 * The answer of a page over an abuse limit: a page that asks to wait a moment, with
	 * the refusal's status and {@code Retry-After}.
	 * @param refusal the limit's refusal
	 * @param language {@code de} or {@code en}
	 * @return the page
	 */
	public ResponseEntity<String> busy(RateLimitExceededException refusal, String language) {
		return message("page.busy", language, (page) -> page.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
	}

	@Override
	public ResponseEntity<String> notFound(ServerWebExchange exchange) {
		return message("page.not-found", PageLanguage.of(exchange), (page) -> page.status(HttpStatus.NOT_FOUND));
	}

	@Override
	public ResponseEntity<String> unavailable(ServerWebExchange exchange) {
		return message("page.unavailable", PageLanguage.of(exchange),
				(page) -> page.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER,
							Long.toString(TemporarilyUnavailableException.RETRY_AFTER_SECONDS)));
	}

	@Override
	public ResponseEntity<String> failed(ServerWebExchange exchange) {
		return message("page.failed", PageLanguage.of(exchange),
				(page) -> page.status(HttpStatus.INTERNAL_SERVER_ERROR), exchange.getRequest().getId());
	}

	// A page that says one thing: "<key>.title" as heading, "<key>.text" below it.
	private ResponseEntity<String> message(String key, String language, UnaryOperator<Page> answer,
			Object... arguments) {
		String title = text(key + ".title", language);
		return answer.apply(page(language, title))
			.render("<h1>" + Html.text(title) + "</h1><p>" + Html.text(text(key + ".text", language, arguments))
					+ "</p>");
	}

	String style() {
		return this.style;
	}

	String styleHash() {
		return this.styleHash;
	}

	String script(String name) {
		return this.scripts.get(name);
	}

	String footer(String language) {
		StringBuilder links = new StringBuilder();
		link(links, this.properties.contactUrl(), text("footer.contact", language));
		link(links, this.properties.imprintUrl(), text("footer.imprint", language));
		link(links, this.properties.privacyUrl(), text("footer.privacy", language));
		return links.toString();
	}

	private static void link(StringBuilder links, URI url, String label) {
		if (url != null) {
			links.append("<a href=\"")
				.append(Html.text(url.toString()))
				.append("\">")
				.append(Html.text(label))
				.append("</a>");
		}
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String sha256(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
