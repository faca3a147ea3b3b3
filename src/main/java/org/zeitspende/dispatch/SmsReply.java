package org.zeitspende.dispatch;

/**
 * An SMS a person sent to the service's number, or the provider's word that the number
 * has opted out earlier.
 *
 * @param number the sender in E.164 format
 * @param intent what the text asks for
 * @param text the text, trimmed; {@code null} when the provider reported an earlier
 * opt-out
 */
public record SmsReply(String number, Intent intent, String text) {

	/** What a reply asks for. */
	public enum Intent {

		/**
		 * No more SMS: {@code STOP}, {@code STOPP}, {@code ABMELDEN} and the provider's
		 * other stop keywords.
		 */
		OPT_OUT,

		/** SMS again: {@code START} or {@code UNSTOP}. */
		OPT_IN,

		/** Anything else, such as an answer to an ask. */
		OTHER

	}

}
