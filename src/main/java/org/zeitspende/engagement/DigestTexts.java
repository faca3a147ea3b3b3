package org.zeitspende.engagement;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.helper.HelperAddress;

/**
 * The digest email in the helper's language, from {@code messages/digest.properties}
 * (German) and {@code messages/digest_<language>.properties}. Titles are plain text; the
 * HTML alternative escapes them.
 */
@Component
class DigestTexts {

	private static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	private final String baseUrl;

	DigestTexts(@Value("${zeitspende.public-base-url}") URI publicBaseUrl) {
		this.baseUrl = publicBaseUrl.toString().replaceAll("/+$", "");
		this.texts.setBasename("messages/digest");
		this.texts.setDefaultEncoding("UTF-8");
		this.texts.setFallbackToSystemLocale(false);
		// Read the files now, so that no event loop waits for them.
		LANGUAGES.forEach((locale) -> this.texts.getMessage("email.subject", null, locale));
	}

	OutgoingMessage email(HelperAddress recipient, List<ScoredProfile> profiles, String reference) {
		Locale locale = locale(recipient.language());
		StringBuilder list = new StringBuilder();
		for (ScoredProfile scored : profiles) {
			list.append(this.texts.getMessage("email.profile",
					new Object[] { scored.profile().title(), String.valueOf(scored.score()), link(scored.profile()) },
					locale));
		}
		String body = this.texts.getMessage("email.text", new Object[] { list, recipient.unsubscribePage() }, locale);
		return OutgoingMessage.email(recipient.address(), this.texts.getMessage("email.subject", null, locale), body,
				html(body), recipient.oneClickUnsubscribe(), reference);
	}

	private String link(RequirementProfile profile) {
		return this.baseUrl + "/api/public/requirement-profiles/" + profile.id();
	}

	private static Locale locale(String language) {
		return LANGUAGES.stream()
			.filter((locale) -> locale.getLanguage().equals(language))
			.findFirst()
			.orElse(Locale.GERMAN);
	}

	private static String html(String text) {
		return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
				+ HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>\n") + "</body></html>";
	}

}
