/**
 * Long-term engagement: requirement profiles (Anforderungsprofile) that organisations
 * publish for regular volunteering, browsing them sorted by an explainable fit score
 * ({@link org.zeitspende.engagement.Fit}), full-text search with German stemming, and
 * helpers' interest in a profile, which the organisation sees ranked and pseudonymous
 * until the helper shares contact data, and the weekly digest of new fitting profiles
 * ({@link org.zeitspende.engagement.WeeklyDigest}). Helpers' offers come from
 * {@link org.zeitspende.helper.MatchProfiles}, their contact data from
 * {@link org.zeitspende.helper.HelperContacts}, their used ask budgets from
 * {@link org.zeitspende.ask.AskOutbox}.
 */
package org.zeitspende.engagement;
