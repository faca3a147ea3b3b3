package org.zeitspende.ask;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.callout.OpenCallout;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.OutgoingMessage;
import org.zeitspende.helper.HelperAddress;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;

/**
 * The message that asks a helper, and the notices that follow it, in the helper's
 * language, from {@code messages/asks.properties} (German) and
 * {@code messages/asks_<language>.properties}: adding a language is adding a file. It
 * names activity, place and time by their display names, says why the helper is asked,
 * and carries a link per ask.
 * <p>
 * An SMS is kept within one segment where it can be: the why-you line shortens, then
 * goes, then the names shorten; only a text that still does not fit goes out in several
 * segments. Names are written in GSM-7, so that one foreign letter does not cut the room
 * to 70 characters.
 */
@Component
class AskMessages {

	// Twilio keeps an SMS for at most ten hours.
	private static final Duration MAX_SMS_VALIDITY = Duration.ofHours(10);

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final String BASENAME = "messages/asks";

	private static final Pattern LANGUAGE_FILE = Pattern.compile("asks_([a-z]{2})\\.properties");

	// Names cut to this many characters when nothing else makes an SMS fit.
	private static final int SHORT_NAME = 14;

	private static final Locale DEFAULT_LANGUAGE = Locale.GERMAN;

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	// The format of a start or an end, per language, for every message written.
	private final Map<Locale, DateTimeFormatter> whens = new ConcurrentHashMap<>();

	private final Set<String> languages;

	private final ReferenceData reference;

	private final AskProperties properties;

	AskMessages(ReferenceData reference, AskProperties properties) throws IOException {
		this.reference = reference;
		this.properties = properties;
		this.texts.setBasename(BASENAME);
		this.texts.setDefaultEncoding("UTF-8");
		this.texts.setFallbackToSystemLocale(false);
		// Read every file and the locales' calendar data now, so that no event loop waits
		// for them.
		Set<String> languages = new TreeSet<>(Set.of(DEFAULT_LANGUAGE.getLanguage()));
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + BASENAME + "_*.properties")) {
			Matcher matcher = LANGUAGE_FILE.matcher(String.valueOf(file.getFilename()));
			if (matcher.matches()) {
				languages.add(matcher.group(1));
			}
		}
		this.languages = Set.copyOf(languages);
		this.languages.forEach((language) -> when(Instant.now(), Locale.forLanguageTag(language)));
	}

	/**
	 * The ask as it goes out.
	 * @param ask the claimed ask
	 * @param callout what it asks for
	 * @param recipient where it goes, and in which language
	 * @param now the current instant
	 * @return the message
	 */
	Mono<OutgoingMessage> message(ClaimedAsk ask, OpenCallout callout, HelperAddress recipient, Instant now) {
		Locale locale = locale(recipient.language());
		return names(callout.activity(), callout.place(), locale).map((names) -> {
			String reference = ask.id().toString();
			if (ask.channel() == Channel.SMS) {
				return OutgoingMessage.sms(recipient.address(), sms(names, callout, link(ask), locale), reference)
					.withValidity(validity(callout, now));
			}
			return email(names, callout, ask, recipient, locale);
		});
	}

	/**
	 * A notice about a callout the helper was asked for: it is cancelled, every place is
	 * taken, or a place is free again for a helper on standby.
	 * @param notice the claimed notice
	 * @param callout the callout
	 * @param recipient where it goes, and in which language
	 * @return the message
	 */
	Mono<OutgoingMessage> toHelper(NoticeRepository.ClaimedNotice notice, CalloutSummary callout,
			HelperAddress recipient) {
		Locale locale = locale(recipient.language());
		String key = switch (notice.kind()) {
			case NO_LONGER_NEEDED -> "notice.filled";
			case SLOT_FREE -> "notice.slot-free";
			default -> "notice.cancelled";
		};
		return names(callout.activity(), callout.place(), locale).map((names) -> {
			String reference = "notice-" + notice.id();
			String start = when(callout.startsAt(), locale);
			if (notice.channel() == Channel.SMS) {
				Names gsm = new Names(SmsText.transliterated(names.activity()), SmsText.transliterated(names.place()));
				return OutgoingMessage.sms(recipient.address(),
						text(key + ".sms", locale, gsm.activity(), gsm.place(), start, callout.shortCode()), reference);
			}
			String text = text(key + ".email.text", locale, names.activity(), names.place(), start,
					recipient.unsubscribePage());
			return OutgoingMessage.email(recipient.address(),
					text(key + ".email.subject", locale, names.activity(), names.place(), start), text,
					html(text, recipient.unsubscribePage()), recipient.oneClickUnsubscribe(), reference);
		});
	}

	/**
	 * A notice to the organiser, in German: members choose no language.
	 * @param notice the claimed notice
	 * @param callout the callout
	 * @param email the organiser's address
	 * @return the message
	 */
	Mono<OutgoingMessage> toOrganiser(NoticeRepository.ClaimedNotice notice, CalloutSummary callout, String email) {
		Locale locale = DEFAULT_LANGUAGE;
		String key = "organiser." + notice.kind().name();
		return names(callout.activity(), callout.place(), locale).map((names) -> {
			Object[] arguments = { names.activity(), names.place(), when(callout.startsAt(), locale), callout.needed(),
					callout.filled() };
			String text = text(key + ".text", locale, arguments);
			return OutgoingMessage.email(email, text(key + ".subject", locale, arguments), text, html(text), null,
					"notice-" + notice.id());
		});
	}

	private Mono<Names> names(String activity, String place, Locale locale) {
		return Mono.zip(this.reference.activities(), this.reference.places())
			.map((lists) -> new Names(activityName(lists.getT1(), activity, locale), placeName(lists.getT2(), place)));
	}

	/**
	 * The SMS text, as short as it needs to be: the first that fits one segment of the
	 * full why-you line, the short one, none, and none with shortened names; else the
	 * last of them.
	 */
	String sms(Names names, OpenCallout callout, String link, Locale locale) {
		Names gsm = new Names(SmsText.transliterated(names.activity()), SmsText.transliterated(names.place()));
		String when = when(callout.startsAt(), locale);
		// Written one after the other until one fits: mostly the first does.
		return Stream
			.<Supplier<String>>of(
					() -> smsText(gsm, when, text("ask.why", locale, gsm.activity(), gsm.place()) + " ", link, locale),
					() -> smsText(gsm, when, text("ask.why.short", locale) + " ", link, locale),
					() -> smsText(gsm, when, "", link, locale))
			.map(Supplier::get)
			.filter(SmsText::fitsOneSegment)
			.findFirst()
			.orElseGet(() -> smsText(new Names(SmsText.shortened(gsm.activity(), SHORT_NAME),
					SmsText.shortened(gsm.place(), SHORT_NAME)), when, "", link, locale));
	}

	private String smsText(Names names, String when, String why, String link, Locale locale) {
		return text("ask.sms.text", locale, names.activity(), names.place(), when, why, link);
	}

	private OutgoingMessage email(Names names, OpenCallout callout, ClaimedAsk ask, HelperAddress recipient,
			Locale locale) {
		String start = when(callout.startsAt(), locale);
		String link = link(ask);
		// No meeting point: only those who said yes learn it, on the answer page.
		String text = text("ask.email.text", locale, names.activity(), names.place(), start,
				when(callout.endsAt(), locale), text("ask.why", locale, names.activity(), names.place()), link,
				recipient.unsubscribePage());
		return OutgoingMessage.email(recipient.address(),
				text("ask.email.subject", locale, names.activity(), names.place(), start), text,
				html(text, link, recipient.unsubscribePage()), recipient.oneClickUnsubscribe(), ask.id().toString());
	}

	// A language without a file reads German, decided here rather than by a look-up of
	// the missing file on an event loop.
	private Locale locale(String language) {
		return this.languages.contains(language) ? Locale.forLanguageTag(language) : DEFAULT_LANGUAGE;
	}

	String text(String key, Locale locale, Object... arguments) {
		return this.texts.getMessage(key, arguments, locale);
	}

	private String when(Instant instant, Locale locale) {
		return this.whens
			.computeIfAbsent(locale, (language) -> DateTimeFormatter.ofPattern(text("ask.when", language), language))
			.format(instant.atZone(ZONE));
	}

	// The token is minted for this message; only its hash is stored.
	private String link(ClaimedAsk ask) {
		return this.properties.publicBaseUrl() + "/c/" + ask.token();
	}

	// An SMS that arrives after the start is no use.
	private static Duration validity(OpenCallout callout, Instant now) {
		Duration left = Duration.between(now, callout.startsAt()).withNanos(0);
		if (left.compareTo(Duration.ofSeconds(1)) < 0) {
			return Duration.ofSeconds(1);
		}
		return (left.compareTo(MAX_SMS_VALIDITY) > 0) ? MAX_SMS_VALIDITY : left;
	}

	// Activities have a German and an English name; other languages read the English one.
	private static String activityName(List<Activity> activities, String code, Locale locale) {
		return activities.stream()
			.filter((activity) -> activity.code().equals(code))
			.findFirst()
			.map((activity) -> "de".equals(locale.getLanguage()) ? activity.nameDe() : activity.nameEn())
			.orElse(code);
	}

	private static String placeName(List<Place> places, String code) {
		return places.stream().filter((place) -> place.code().equals(code)).findFirst().map(Place::name).orElse(code);
	}

	// The text with its links made clickable; everything escaped.
	private static String html(String text, String... links) {
		String body = HtmlUtils.htmlEscape(text, "UTF-8");
		for (String link : links) {
			String escaped = HtmlUtils.htmlEscape(link, "UTF-8");
			body = body.replace(escaped, "<a href=\"" + escaped + "\">" + escaped + "</a>");
		}
		return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">" + body.replace("\n", "<br>\n")
				+ "</body></html>";
	}

	/**
	 * The display names an ask shows.
	 *
	 * @param activity the activity's name in the helper's language
	 * @param place the place's name
	 */
	record Names(String activity, String place) {
	}

}
