package org.zeitspende.dispatch.internal.devinbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;

import org.springframework.web.util.HtmlUtils;

/**
 * The dev inbox as one self-contained HTML page: no scripts, no external assets, every
 * piece of message content escaped, web links in the text clickable.
 */
final class DevInboxPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final String HEAD = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>Zeitspende dev inbox</title>
			<style>
			body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; color: #222; }
			article { border: 1px solid #ccc; border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
			header { color: #555; font-size: 0.9rem; }
			.channel { font-weight: bold; color: #fff; background: #356; border-radius: 3px; padding: 0 0.4rem; }
			h2 { font-size: 1.05rem; margin: 0.5rem 0; }
			pre { white-space: pre-wrap; word-wrap: break-word; font-family: inherit; margin: 0.5rem 0; }
			details pre { font-family: monospace; font-size: 0.85rem; background: #f6f6f6; padding: 0.5rem; }
			</style>
			</head>
			<body>
			<h1>Dev inbox</h1>
			<p>Messages kept instead of sent, newest first (at most %d, in memory only). <a href="">Refresh</a></p>
			"""
		.formatted(DevInbox.CAPACITY);

	private DevInboxPage() {
	}

	static String render(List<DevInboxEntry> entries) {
		StringBuilder page = new StringBuilder(HEAD);
		if (entries.isEmpty()) {
			page.append("<p><em>No messages yet.</em></p>\n");
		}
		entries.forEach((entry) -> appendEntry(page, entry));
		return page.append("</body>\n</html>\n").toString();
	}

	private static void appendEntry(StringBuilder page, DevInboxEntry entry) {
		page.append("<article id=\"")
			.append(escape(entry.id()))
			.append("\">\n<header><span class=\"channel\">")
			.append(entry.channel())
			.append("</span> to <strong>")
			.append(escape(entry.to()))
			.append("</strong> · ")
			.append(TIME.format(entry.keptAt()))
			.append(" · reference ")
			.append(escape(entry.reference()))
			.append("</header>\n");
		if (entry.subject() != null) {
			page.append("<h2>").append(escape(entry.subject())).append("</h2>\n");
		}
		page.append("<pre>").append(linked(entry.text())).append("</pre>\n");
		if (entry.unsubscribeUrl() != null) {
			page.append("<p>Unsubscribe: ").append(linked(entry.unsubscribeUrl())).append("</p>\n");
		}
		if (entry.html() != null) {
			page.append("<details><summary>HTML part</summary><pre>")
				.append(escape(entry.html()))
				.append("</pre></details>\n");
		}
		page.append("</article>\n");
	}

	// Escapes the text and turns each http(s) link in it into an anchor.
	static String linked(String text) {
		StringBuilder html = new StringBuilder();
		Matcher matcher = DevInbox.LINK.matcher(text);
		int done = 0;
		while (matcher.find()) {
			String link = DevInbox.withoutTrailingPunctuation(matcher.group());
			html.append(escape(text.substring(done, matcher.start())))
				.append("<a href=\"")
				.append(escape(link))
				.append("\" rel=\"noreferrer\">")
				.append(escape(link))
				.append("</a>");
			done = matcher.start() + link.length();
		}
		return html.append(escape(text.substring(done))).toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
