package org.zeitspende.ask;

import java.text.Normalizer;
import java.util.Map;

/**
 * How an SMS text is counted and cut into segments. Texts entirely in the GSM-7 alphabet
 * (3GPP TS 23.038) take 160 characters in one segment and 153 per segment of a longer
 * message; characters of its extension table ({@code € [ ] { } \ ~ ^ |}) count twice. Any
 * other character turns the whole text into UCS-2: 70 UTF-16 units in one segment, 67 per
 * segment of a longer message.
 */
final class SmsText {

	static final int SINGLE_GSM = 160;

	private static final int PART_GSM = 153;

	private static final int SINGLE_UCS2 = 70;

	private static final int PART_UCS2 = 67;

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "\f^{}\\[~]|€";

	// Look-alikes that people type and GSM-7 lacks.
	private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(Map.entry('–', "-"), Map.entry('—', "-"),
			Map.entry('‚', "'"), Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('„', "\""), Map.entry('“', "\""),
			Map.entry('”', "\""), Map.entry('«', "\""), Map.entry('»', "\""), Map.entry('…', "..."),
			Map.entry('\u00a0', " "), Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('đ', "d"),
			Map.entry('Đ', "D"), Map.entry('ı', "i"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"));

	// Septets per character in GSM-7: 1 in the basic table, 2 in the extension, 0 for
	// none. A table, as every ask's texts are counted: searching the alphabet for each
	// character was 7 % of a fan-out's CPU.
	private static final byte[] SEPTETS = new byte[Character.MAX_VALUE + 1];

	static {
		BASIC.chars().forEach((c) -> SEPTETS[c] = 1);
		EXTENSION.chars().forEach((c) -> SEPTETS[c] = 2);
	}

	private SmsText() {
	}

	static boolean isGsm7(String text) {
		return septets(text) >= 0;
	}

	/**
	 * How many segments the text is sent in (and billed for).
	 * @param text the text
	 * @return the number of segments, at least 1
	 */
	static int segments(String text) {
		int septets = septets(text);
		boolean gsm = septets >= 0;
		int length = gsm ? septets : text.length();
		int single = gsm ? SINGLE_GSM : SINGLE_UCS2;
		int part = gsm ? PART_GSM : PART_UCS2;
		return (length <= single) ? 1 : (length + part - 1) / part;
	}

	// The text's length in septets, or -1 when it is not all GSM-7.
	private static int septets(String text) {
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			int character = SEPTETS[text.charAt(i)];
			if (character == 0) {
				return -1;
			}
			septets += character;
		}
		return septets;
	}

	static boolean fitsOneSegment(String text) {
		return segments(text) == 1;
	}

	/**
	 * A name written with GSM-7 characters only, so that one foreign letter does not cut
	 * the whole message's room to 70 characters: accents the alphabet lacks are dropped
	 * ("Şahin" → "Sahin"), look-alike punctuation is replaced, anything else becomes
	 * {@code ?}.
	 * @param name the name
	 * @return the name in GSM-7
	 */
	static String transliterated(String name) {
		StringBuilder result = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			if (SEPTETS[c] != 0) {
				result.append(c);
			}
			else if (LOOK_ALIKES.containsKey(c)) {
				result.append(LOOK_ALIKES.get(c));
			}
			else {
				result.append(withoutAccents(c));
			}
		}
		return result.toString();
	}

	/**
	 * The name cut to at most {@code max} characters, ending with a dot where cut ("Hann.
	 * Münden" stays, "Rosdorf-Dramfeld" at 8 → "Rosdorf.").
	 * @param name the name
	 * @param max the most characters, at least 2
	 * @return the shortened name
	 */
	static String shortened(String name, int max) {
		if (name.length() <= max) {
			return name;
		}
		return name.substring(0, max - 1).stripTrailing() + ".";
	}

	private static String withoutAccents(char c) {
		String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return (!base.isEmpty() && isGsm7(base)) ? base : "?";
	}

}
