package org.zeitspende.web;

import org.springframework.web.util.HtmlUtils;

/**
 * Escaping for the pages, which are built as strings: everything that did not come from
 * our own code goes through {@link #text(String)}.
 */
public final class Html {

	private Html() {
	}

	/**
	 * Text made safe for an element's content or a quoted attribute.
	 * @param text any text; {@code null} gives an empty string
	 * @return the escaped text
	 */
	public static String text(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text, "UTF-8") : "";
	}

}
