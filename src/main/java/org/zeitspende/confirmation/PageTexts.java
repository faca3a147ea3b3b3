package org.zeitspende.confirmation;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of the ask page, German first; English for helpers who read English. Kept in
 * code rather than in a resource bundle, so that rendering never reads a file on an event
 * loop.
 */
final class PageTexts {

	private static final DateTimeFormatter GERMAN_DAY = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm",
			Locale.GERMANY);

	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
			Locale.UK);

	private static final Map<String, String> GERMAN = Map.ofEntries(Map.entry("title", "Hilfe gesucht"),
			Map.entry("what", "Was"), Map.entry("where", "Wo"), Map.entry("when", "Wann"),
			Map.entry("open", "Noch gebraucht"), Map.entry("of", "von"), Map.entry("yes", "Ja, ich komme"),
			Map.entry("no", "Nein, diesmal nicht"), Map.entry("withdraw", "Doch nicht: Zusage zurückziehen"),
			Map.entry("meeting-point", "Treffpunkt"), Map.entry("contact", "Ansprechperson vor Ort"),
			Map.entry("CONFIRMED", "Danke, Sie sind dabei!"),
			Map.entry("CONFIRMED.text",
					"Wir zählen auf Sie. Falls Sie doch nicht können, sagen Sie bitte über diesen Link ab, "
							+ "damit jemand anderes einspringen kann."),
			Map.entry("ALREADY_CONFIRMED", "Sie sind schon dabei"),
			Map.entry("ALREADY_CONFIRMED.text",
					"Ihre Zusage gilt weiter. Wenn Sie nicht kommen können, ziehen Sie sie zurück."),
			Map.entry("FULL", "Schon vollständig"),
			Map.entry("FULL.text", "Danke! Es haben sich schon genug Menschen gemeldet."),
			Map.entry("STANDBY", "Sie stehen auf der Warteliste"),
			Map.entry("STANDBY.text",
					"Wird ein Platz frei, schreiben wir Ihnen. Bestätigen Sie dann bitte erneut über diesen Link – "
							+ "wer zuerst bestätigt, ist dabei."),
			Map.entry("standby", "Auf die Warteliste"),
			Map.entry("standby.text",
					"Sagt jemand ab, sagen wir den Menschen auf der Warteliste der Reihe nach Bescheid."),
			Map.entry("leave-standby", "Doch nicht: von der Warteliste nehmen"), Map.entry("cancelled", "Abgesagt"),
			Map.entry("cancelled.text",
					"Diese Anfrage wurde abgesagt. Sie werden dafür nicht gebraucht – danke, dass Sie helfen wollten."),
			Map.entry("too-late-to-withdraw",
					"Zurückziehen geht über diesen Link nicht mehr. Wenn Sie nicht kommen können, sagen Sie bitte "
							+ "der Ansprechperson vor Ort Bescheid."),
			Map.entry("alternatives", "Hier wird noch Hilfe gesucht"), Map.entry("CLOSED", "Nicht mehr möglich"),
			Map.entry("CLOSED.text", "Diese Anfrage wurde abgesagt, hat schon begonnen, oder es ist zu spät dafür."),
			Map.entry("DECLINED", "Schade, danke für die Antwort"),
			Map.entry("DECLINED.text", "Wir fragen Sie gern ein anderes Mal wieder."),
			Map.entry("WITHDRAWN", "Zusage zurückgezogen"),
			Map.entry("WITHDRAWN.text", "Danke, dass Sie Bescheid geben. Ihr Platz ist wieder frei."),
			Map.entry("INVALID", "Link ungültig"),
			Map.entry("INVALID.text", "Diesen Link gibt es nicht oder nicht mehr."),
			Map.entry("UNKNOWN_ANSWER", "Antwort nicht verstanden"),
			Map.entry("UNKNOWN_ANSWER.text",
					"Bitte öffnen Sie den Link noch einmal und antworten Sie mit einem der Knöpfe. Gespeichert wurde nichts."),
			Map.entry("UNAVAILABLE", "Gerade nicht möglich"),
			Map.entry("UNAVAILABLE.text", "Ihre Antwort konnte nicht gespeichert werden. Bitte versuchen Sie es in "
					+ "ein paar Sekunden noch einmal."));

	private static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("title", "Help wanted"),
			Map.entry("what", "What"), Map.entry("where", "Where"), Map.entry("when", "When"),
			Map.entry("open", "Still needed"), Map.entry("of", "of"), Map.entry("yes", "Yes, I'll come"),
			Map.entry("no", "No, not this time"), Map.entry("withdraw", "I can't come after all"),
			Map.entry("meeting-point", "Meeting point"), Map.entry("contact", "Contact on site"),
			Map.entry("CONFIRMED", "Thank you, you're in!"),
			Map.entry("CONFIRMED.text",
					"We count on you. If you cannot come after all, please withdraw through this link so that "
							+ "someone else can step in."),
			Map.entry("ALREADY_CONFIRMED", "You're in already"),
			Map.entry("ALREADY_CONFIRMED.text", "Your yes still stands. If you cannot come, withdraw it."),
			Map.entry("FULL", "Filled already"),
			Map.entry("FULL.text", "Thank you! Enough people have said yes already."),
			Map.entry("STANDBY", "You're on the waiting list"),
			Map.entry("STANDBY.text",
					"If a place becomes free, we'll message you. Then please confirm again through this link – "
							+ "whoever confirms first is in."),
			Map.entry("standby", "Put me on the waiting list"),
			Map.entry("standby.text", "If someone withdraws, we tell those on the waiting list in turn."),
			Map.entry("leave-standby", "Take me off the waiting list"), Map.entry("cancelled", "Cancelled"),
			Map.entry("cancelled.text",
					"This callout was cancelled. You are not needed for it – thank you for offering to help."),
			Map.entry("too-late-to-withdraw",
					"Withdrawing through this link is no longer possible. If you cannot come, please tell the "
							+ "contact on site."),
			Map.entry("alternatives", "Help is still needed here"), Map.entry("CLOSED", "No longer possible"),
			Map.entry("CLOSED.text", "This callout was cancelled, has started, or it is too late for that."),
			Map.entry("DECLINED", "Thanks for letting us know"),
			Map.entry("DECLINED.text", "We'll gladly ask you another time."), Map.entry("WITHDRAWN", "Withdrawn"),
			Map.entry("WITHDRAWN.text", "Thanks for telling us. Your place is free again."),
			Map.entry("INVALID", "Invalid link"), Map.entry("INVALID.text", "This link does not exist (any more)."),
			Map.entry("UNKNOWN_ANSWER", "Answer not understood"),
			Map.entry("UNKNOWN_ANSWER.text",
					"Please open the link again and answer with one of its buttons. Nothing was stored."),
			Map.entry("UNAVAILABLE", "Not possible right now"),
			Map.entry("UNAVAILABLE.text", "Your answer could not be stored. Please try again in a few seconds."));

	private PageTexts() {
	}

	/**
	 * The texts in a language.
	 * @param language a language code; anything but {@code en} gets German
	 * @return the texts by key
	 */
	static Map<String, String> in(String language) {
		return "en".equals(language) ? ENGLISH : GERMAN;
	}

	/**
	 * The language a page for a helper is in.
	 * @param helpersLanguage the helper's language of messages
	 * @return {@code en} for English, else {@code de}
	 */
	static String of(String helpersLanguage) {
		return "en".equals(helpersLanguage) ? "en" : "de";
	}

	/**
	 * How a page in the language writes a day and time.
	 * @param language {@code de} or {@code en}
	 * @return the formatter
	 */
	static DateTimeFormatter day(String language) {
		return "en".equals(language) ? ENGLISH_DAY : GERMAN_DAY;
	}

}
