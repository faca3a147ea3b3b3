package org.zeitspende.message;

import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.helper.HelperAddress;

/**
 * The email that carries an organisation's message to a helper, and the message that
 * tells a helper how an organisation decided on their interest, in the helper's language,
 * from {@code messages/threads.properties} (German) and
 * {@code messages/threads_<language>.properties}. The message is plain text; the HTML
 * alternative escapes it.
 */
@Component
class MessageTexts {

	private static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	MessageTexts() {
		this.texts.setBasename("messages/threads");
		this.texts.setDefaultEncoding("UTF-8");
		this.texts.setFallbackToSystemLocale(false);
		// Read the files now, so that no event loop waits for them.
		LANGUAGES.forEach((locale) -> this.texts.getMessage("email.subject", new Object[] { "", "" }, locale));
	}

	OutgoingMessage email(HelperAddress recipient, String organisation, String subject, String text, String reference) {
		Locale locale = locale(recipient.language());
		Object[] arguments = { organisation, text, recipient.unsubscribePage() };
		String body = this.texts.getMessage("email.text", arguments, locale);
		return OutgoingMessage.email(recipient.address(),
				this.texts.getMessage("email.subject", new Object[] { organisation, subject }, locale), body,
				html(body), recipient.oneClickUnsubscribe(), reference);
	}

	String decision(String language, String profileTitle, boolean accepted) {
		return this.texts.getMessage(accepted ? "decision.accepted" : "decision.declined",
				new Object[] { profileTitle }, locale(language));
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
