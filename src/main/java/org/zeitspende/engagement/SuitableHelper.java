package org.zeitspende.engagement;

/**
 * A registered helper who would fit one of the organisation's requirement profiles, as
 * the organisation sees it: pseudonymous and without contact data.
 *
 * @param pseudonym the name to call the helper by: {@code S-} and eight characters,
 * different per profile, so that two profiles cannot be told to reach the same person
 * @param score the helper's fit to the profile, 0 to 100 (see {@link Fit})
 * @param explanation why, in words
 */
record SuitableHelper(String pseudonym, int score, String explanation) {
}
