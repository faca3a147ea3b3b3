package org.zeitspende.helper;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.OutgoingMessage;

/**
 * Verification and sign-in messages in the helper's language, from
 * {@code messages/helpers.properties} (German) and
 * {@code messages/helpers_<language>.properties}: adding a language is adding a file. All
 * of them are read at start-up, so that no request thread ever waits for a file.
 */
@Component
class HelperMessages {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final String BASENAME = "messages/helpers";

	private static final Pattern LANGUAGE_FILE = Pattern.compile("helpers_([a-z]{2})\\.properties");

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private final Set<String> languages;

	private final HelperLinks links;

	HelperMessages(HelperLinks links) throws IOException {
		this.links = links;
		this.messages.setBasename(BASENAME);
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		Set<String> languages = new TreeSet<>(Set.of("de"));
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + BASENAME + "_*.properties")) {
			Matcher matcher = LANGUAGE_FILE.matcher(String.valueOf(file.getFilename()));
			if (matcher.matches()) {
				languages.add(matcher.group(1));
			}
		}
		this.languages = Collections.unmodifiableSet(languages);
		this.languages.forEach((language) -> {
			Locale locale = Locale.forLanguageTag(language);
			this.messages.getMessage("verify.email.subject", null, locale);
			formatted(OffsetDateTime.now(), locale);
		});
	}

	private static String formatted(OffsetDateTime time, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(locale)
			.format(time.atZoneSameInstant(BERLIN));
	}

	/**
	 * The languages messages can be written in.
	 * @return ISO 639-1 codes
	 */
	Set<String> languages() {
		return this.languages;
	}

	/**
	 * A text by key, or {@code null} when the language has none.
	 * @param key the key in the properties files
	 * @param locale the language
	 * @return the text
	 */
	String optionalText(String key, Locale locale) {
		return this.messages.getMessage(key, null, null, locale);
	}

	OutgoingMessage verification(HelperContact helper, Channel channel, HelperTokens.Issued issued) {
		return message(helper, channel, "verify", this.links.verification(issued.token()), issued);
	}

	OutgoingMessage signIn(HelperContact helper, Channel channel, HelperTokens.Issued issued) {
		return message(helper, channel, "signin", this.links.signIn(issued.token()), issued);
	}

	private OutgoingMessage message(HelperContact helper, Channel channel, String kind, String link,
			HelperTokens.Issued issued) {
		Locale locale = Locale.forLanguageTag(helper.messageLanguage());
		String unsubscribe = this.links.unsubscribe(helper.id(), channel);
		String until = formatted(issued.expiresAt(), locale);
		Object[] arguments = { link, until, issued.code(), unsubscribe };
		String reference = kind + "-" + issued.id();
		if (channel == Channel.SMS) {
			return OutgoingMessage.sms(helper.mobile(), text(kind + ".sms.text", arguments, locale), reference);
		}
		String text = text(kind + ".email.text", arguments, locale);
		return OutgoingMessage.email(helper.email(), text(kind + ".email.subject", arguments, locale), text,
				html(text, link), this.links.oneClickUnsubscribe(helper.id(), channel), reference);
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return this.messages.getMessage(key, arguments, locale);
	}

	// The text with its link made clickable; everything escaped.
	private static String html(String text, String link) {
		String escapedLink = HtmlUtils.htmlEscape(link, "UTF-8");
		String body = HtmlUtils.htmlEscape(text, "UTF-8")
			.replace(escapedLink, "<a href=\"" + escapedLink + "\">" + escapedLink + "</a>")
			.replace("\n", "<br>\n");
		return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">" + body + "</body></html>";
	}

}
