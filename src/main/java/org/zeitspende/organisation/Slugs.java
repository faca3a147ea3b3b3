package org.zeitspende.organisation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Short names for addresses, made from an organisation's name: lower case ASCII letters,
 * digits and hyphens, German umlauts spelled out.
 */
final class Slugs {

	static final int MAX_LENGTH = 64;

	// Leaves room for a "-NN" suffix when the slug is taken.
	private static final int MAX_BASE_LENGTH = MAX_LENGTH - 4;

	private Slugs() {
	}

	static String fromName(String name) {
		String slug = name.toLowerCase(Locale.GERMAN)
			.replace("ä", "ae")
			.replace("ö", "oe")
			.replace("ü", "ue")
			.replace("ß", "ss");
		slug = Normalizer.normalize(slug, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		slug = slug.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_BASE_LENGTH) {
			slug = slug.substring(0, MAX_BASE_LENGTH).replaceAll("-+$", "");
		}
		return (slug.length() < 2) ? "organisation" : slug;
	}

	/**
	 * The slug itself if it is free, else the first free one with a number appended.
	 * @param base the wanted slug
	 * @param taken slugs in use that start with {@code base}
	 * @return a free slug
	 */
	static String firstFree(String base, Set<String> taken) {
		if (!taken.contains(base)) {
			return base;
		}
		int number = 2;
		while (taken.contains(base + "-" + number)) {
			number++;
		}
		return base + "-" + number;
	}

}
