package org.zeitspende.reference;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.zeitspende.config.InvalidField;

/**
 * Skills are free tags. Whoever stores or matches them normalises them here first, so
 * that "Erste Hilfe" in a callout finds the helper who typed "erste-hilfe".
 */
public final class Skills {

	private static final Pattern NOT_SKILL_CHARACTERS = Pattern.compile("[^a-z0-9äöüß-]+");

	private static final Pattern SKILL = Pattern.compile("[a-z0-9äöüß-]{2,40}");

	private Skills() {
	}

	/**
	 * Lower-cases the tags, turns spaces into dashes and drops other characters and
	 * repeats.
	 * @param raw the tags as typed
	 * @param field the request field they came in, for error messages
	 * @param errors where a tag that stays too short or too long is reported
	 * @return the normalised tags, in their first order, without repeats
	 */
	public static List<String> normalise(List<String> raw, String field, List<InvalidField> errors) {
		Set<String> skills = new LinkedHashSet<>();
		for (int i = 0; i < raw.size(); i++) {
			String skill = NOT_SKILL_CHARACTERS.matcher(raw.get(i).strip().toLowerCase(Locale.GERMAN).replace(' ', '-'))
				.replaceAll("")
				.replaceAll("-{2,}", "-");
			if (SKILL.matcher(skill).matches()) {
				skills.add(skill);
			}
			else {
				errors.add(new InvalidField(field + "[" + i + "]", "must have 2 to 40 letters, digits or dashes"));
			}
		}
		return List.copyOf(skills);
	}

}
