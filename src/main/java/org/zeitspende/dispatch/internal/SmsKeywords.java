package org.zeitspende.dispatch.internal;

import java.util.Locale;
import java.util.Set;

import org.zeitspende.dispatch.SmsReply.Intent;

/**
 * The keywords of SMS replies, ignoring case and whitespace. Twilio itself blocks further
 * messages to a number after its standard stop keywords and confirms that by SMS; the
 * service records the opt-out for those and for the German ones.
 *
 * @see <a href=
 * "https://help.twilio.com/articles/223134027-Twilio-support-for-opt-out-keywords-SMS-STOP-filtering-">Twilio's
 * opt-out keywords</a>
 */
public final class SmsKeywords {

	private static final Set<String> OPT_OUT = Set.of("STOP", "STOPP", "ABMELDEN", "STOPALL", "UNSUBSCRIBE", "CANCEL",
			"END", "QUIT", "REVOKE", "OPTOUT");

	private static final Set<String> OPT_IN = Set.of("START", "UNSTOP");

	private SmsKeywords() {
	}

	/**
	 * The intent of a reply's text.
	 * @param text the reply
	 * @return what the reply asks for
	 */
	public static Intent intent(String text) {
		return intent(text, null);
	}

	/**
	 * The intent of a reply, from the text or from Twilio's own classification.
	 * @param text the reply
	 * @param optOutType Twilio's {@code OptOutType} parameter ({@code STOP},
	 * {@code START} or {@code HELP}), sent with Advanced Opt-Out for the keywords
	 * configured in the Twilio console; {@code null} without it
	 * @return what the reply asks for
	 */
	public static Intent intent(String text, String optOutType) {
		if ("STOP".equalsIgnoreCase(optOutType)) {
			return Intent.OPT_OUT;
		}
		if ("START".equalsIgnoreCase(optOutType)) {
			return Intent.OPT_IN;
		}
		if (text == null) {
			return Intent.OTHER;
		}
		String keyword = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		if (OPT_OUT.contains(keyword)) {
			return Intent.OPT_OUT;
		}
		return OPT_IN.contains(keyword) ? Intent.OPT_IN : Intent.OTHER;
	}

}
