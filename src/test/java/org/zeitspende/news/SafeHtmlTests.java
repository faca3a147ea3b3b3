package org.zeitspende.news;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	private final SafeHtml safeHtml = new SafeHtml();

	@Test
	void fromMarkdown_rendersFormattingListsAndLinks() {
		assertThat(this.safeHtml.fromMarkdown("""
				# Sommerfest

				Wir feiern **gemeinsam** mit _allen_:

				- Essen
				- [Anmeldung](https://example.org/anmeldung)
				""")).contains("<h1>Sommerfest</h1>", "<strong>gemeinsam</strong>", "<em>allen</em>", "<li>Essen</li>",
				"<a href=\"https://example.org/anmeldung\" rel=\"nofollow\">Anmeldung</a>");
	}

	@Test
	void fromMarkdown_stripsScriptsEventHandlersAndDangerousLinks() {
		String html = this.safeHtml.fromMarkdown("""
				Hallo <script>alert('raw')</script>

				<img src="x" onerror="alert('img')">

				[Klick](javascript:alert('link')) und <a href="javascript:alert(1)" onclick="alert(2)">hier</a>
				""");
		assertThat(html).doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<img")
			.doesNotContainIgnoringCase("onerror=")
			.doesNotContainIgnoringCase("onclick=")
			.doesNotContainIgnoringCase("href=\"javascript")
			// Raw HTML stays visible as text.
			.contains("Hallo &lt;script&gt;");
	}

	@Test
	void fromMarkdown_stripsScriptsTheRendererLetThrough() {
		// Should the renderer ever pass raw HTML, the sanitiser still removes it.
		assertThat(SafeHtml
			.sanitise("<p onclick=\"x()\">Hi<script>alert(1)</script><iframe src=\"https://e.org\"></iframe></p>"))
			.isEqualTo("<p>Hi</p>");
	}

}
