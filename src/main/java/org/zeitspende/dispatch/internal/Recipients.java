package org.zeitspende.dispatch.internal;

import java.util.regex.Pattern;

import org.zeitspende.dispatch.Channel;

/**
 * Checks and masks recipients. Full numbers and addresses are personal data: logs and
 * exception messages only ever show the masked form, such as {@code +49151****12} or
 * {@code h****@example.org}.
 */
public final class Recipients {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{4,14}");

	private static final Pattern EMAIL = Pattern.compile(
			"[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private static final int MAX_EMAIL_LENGTH = 254;

	private Recipients() {
	}

	/**
	 * Whether the recipient has the form its channel needs.
	 * @param channel the channel
	 * @param recipient the number or address
	 * @return {@code true} for an E.164 number (SMS) or a plain address (EMAIL)
	 */
	public static boolean isWellFormed(Channel channel, String recipient) {
		if (recipient == null) {
			return false;
		}
		return switch (channel) {
			case SMS -> E164.matcher(recipient).matches();
			case EMAIL -> recipient.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(recipient).matches();
		};
	}

	/**
	 * Whether the number is in E.164 format.
	 * @param number the number
	 * @return {@code true} for {@code +} and 5 to 15 digits
	 */
	public static boolean isE164(String number) {
		return number != null && E164.matcher(number).matches();
	}

	/**
	 * The recipient as it may be logged.
	 * @param channel the channel
	 * @param recipient the number or address
	 * @return its masked form
	 */
	public static String mask(Channel channel, String recipient) {
		if (recipient == null) {
			return "(none)";
		}
		return (channel == Channel.EMAIL) ? maskAddress(recipient) : maskNumber(recipient);
	}

	private static String maskNumber(String number) {
		if (number.length() <= 8) {
			return number.substring(0, Math.min(3, number.length())) + "****";
		}
		return number.substring(0, 6) + "****" + number.substring(number.length() - 2);
	}

	private static String maskAddress(String address) {
		int at = address.lastIndexOf('@');
		if (at <= 0) {
			return "****";
		}
		return address.charAt(0) + "****" + address.substring(at);
	}

}
