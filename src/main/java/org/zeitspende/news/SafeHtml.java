package org.zeitspende.news;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.stereotype.Component;

/**
 * Markdown to HTML that is safe to show anywhere. Raw HTML in the Markdown is escaped,
 * not passed through; unsafe link targets are dropped; and the rendered HTML goes through
 * an allow-list sanitiser (OWASP) that keeps formatting, blocks, lists and {@code http},
 * {@code https} and {@code mailto} links (with {@code rel="nofollow"}), and drops
 * everything else, scripts and event handlers first.
 */
@Component
class SafeHtml {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(new HtmlPolicyBuilder().allowElements("a", "ul", "ol", "li", "pre", "code", "hr", "br")
			.allowAttributes("href")
			.onElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.requireRelNofollowOnLinks()
			.toFactory());

	private final Parser parser;

	private final HtmlRenderer renderer;

	SafeHtml() {
		this.parser = Parser.builder().build();
		this.renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
	}

	String fromMarkdown(String markdown) {
		return sanitise(this.renderer.render(this.parser.parse(markdown)));
	}

	static String sanitise(String html) {
		return POLICY.sanitize(html);
	}

}
