package org.zeitspende.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One page in the making: status, navigation, scripts and the main content, rendered in
 * the shared frame (brand, language switch, footer links).
 */
public final class Page {

	private final Pages pages;

	private final String language;

	private final String title;

	private HttpStatus status = HttpStatus.OK;

	private String navigation = "";

	private boolean languageSwitch = true;

	private final List<String> scripts = new ArrayList<>();

	private final List<String> headers = new ArrayList<>();

	private String imageOrigin;

	Page(Pages pages, String language, String title) {
		this.pages = pages;
		this.language = language;
		this.title = title;
	}

	public Page status(HttpStatus status) {
		this.status = status;
		return this;
	}

	/**
	 * Links (and forms) for the header, already escaped.
	 * @param html the navigation's HTML
	 * @return this page
	 */
	public Page navigation(String html) {
		this.navigation = html;
		return this;
	}

	/**
	 * Leaves out the language switch, for pages whose language is the reader's stored
	 * choice.
	 * @return this page
	 */
	public Page withoutLanguageSwitch() {
		this.languageSwitch = false;
		return this;
	}

	/**
	 * Loads a script of ours from {@code /assets/}; the page then may connect to this
	 * service only.
	 * @param name the script's name, e.g. {@code live.js}
	 * @return this page
	 */
	public Page script(String name) {
		this.scripts.add(name);
		return this;
	}

	/**
	 * Allows the page an image from another server, such as an organisation's logo: the
	 * policy then allows images from that address's origin, and only over https.
	 * @param source the image's https address
	 * @return this page
	 * @throws IllegalArgumentException when the address is not https or has no host
	 */
	public Page imageFrom(URI source) {
		if (!"https".equalsIgnoreCase(source.getScheme()) || source.getHost() == null) {
			throw new IllegalArgumentException("Images come only from https addresses with a host");
		}
		this.imageOrigin = "https://" + source.getHost() + ((source.getPort() != -1) ? ":" + source.getPort() : "");
		return this;
	}

	/**
	 * Adds a response header.
	 * @param name its name
	 * @param value its value
	 * @return this page
	 */
	public Page header(String name, String value) {
		this.headers.add(name);
		this.headers.add(value);
		return this;
	}

	/**
	 * The whole page around the main content.
	 * @param main the content's HTML, already escaped
	 * @return the response
	 */
	public ResponseEntity<String> render(String main) {
		StringBuilder html = new StringBuilder(main.length() + 5000);
		html.append("<!DOCTYPE html><html lang=\"")
			.append(this.language)
			.append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<meta name=\"robots\" content=\"noindex\"><title>")
			.append(Html.text(this.title))
			.append(" · Zeitspende</title><style>")
			.append(this.pages.style())
			.append("</style>");
		for (String script : this.scripts) {
			html.append("<script src=\"/assets/").append(script).append("\" defer></script>");
		}
		html.append("</head><body><a class=\"skip\" href=\"#main\">")
			.append(Html.text(text("skip")))
			.append("</a><header><a class=\"brand\" href=\"/\">Zeitspende</a><nav aria-label=\"")
			.append(Html.text(text("navigation")))
			.append("\">")
			.append(this.navigation);
		if (this.languageSwitch) {
			String other = "de".equals(this.language) ? "en" : "de";
			html.append("<a href=\"?lang=")
				.append(other)
				.append("\" hreflang=\"")
				.append(other)
				.append("\" lang=\"")
				.append(other)
				.append("\">")
				.append(Html.text(text("switch-language")))
				.append("</a>");
		}
		html.append("</nav></header><main id=\"main\">")
			.append(main)
			.append("</main><footer>")
			.append(this.pages.footer(this.language))
			.append("</footer></body></html>");
		ResponseEntity.BodyBuilder response = ResponseEntity.status(this.status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Referrer-Policy", "no-referrer")
			.header("Cache-Control", "no-store")
			.header("Content-Security-Policy", policy())
			.header("X-Robots-Tag", "noindex");
		for (int i = 0; i < this.headers.size(); i += 2) {
			response.header(this.headers.get(i), this.headers.get(i + 1));
		}
		return response.body(html.toString());
	}

	// Nothing but our own inline style, our own scripts where a page has them, and
	// images from the one origin a page names.
	private String policy() {
		String scripts = this.scripts.isEmpty() ? "" : "; script-src 'self'; connect-src 'self'";
		String images = (this.imageOrigin != null) ? "; img-src " + this.imageOrigin : "";
		return "default-src 'none'; style-src " + this.pages.styleHash() + scripts + images
				+ "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
	}

	private String text(String key) {
		return this.pages.text("page." + key, this.language);
	}

}
