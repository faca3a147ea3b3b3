package org.zeitspende.helper;

import java.time.LocalTime;
import java.util.List;

import org.zeitspende.dispatch.Channel;

/**
 * Preferences after normalisation and checks: what is stored.
 */
record ProfileChoices(List<String> places, List<String> activities, List<String> languages, List<String> skills,
		int hoursPerWeek, Commitment commitment, Channel preferredChannel, String messageLanguage, int maxAsksPerWeek,
		LocalTime quietFrom, LocalTime quietUntil, String timeZone) {
}
