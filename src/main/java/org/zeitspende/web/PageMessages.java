package org.zeitspende.web;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the pages, from {@code messages/pages.properties} (German) and
 * {@code messages/pages_en.properties}, and those of the community pages from
 * {@code messages/community.properties} and {@code messages/community_en.properties}. All
 * are read at start-up, so that no request thread ever waits for a file.
 */
@Component
public class PageMessages {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	PageMessages() {
		this.messages.setBasenames("messages/pages", "messages/community");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		PageLanguage.SUPPORTED.forEach((language) -> {
			text("site.name", language);
			text("community.nav.organisations", language);
		});
	}

	/**
	 * A text by key.
	 * @param key the key in the properties files
	 * @param language {@code de} or {@code en}
	 * @param arguments values for the text's {@code {0}}, {@code {1}}, ...
	 * @return the text
	 */
	public String text(String key, String language, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.forLanguageTag(language));
	}

}
