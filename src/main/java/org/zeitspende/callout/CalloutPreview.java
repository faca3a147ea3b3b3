package org.zeitspende.callout;

import java.util.List;

/**
 * Who would be asked, before anyone is: counts, and pseudonymous ids that stay the same
 * for one helper within one callout and say nothing about the helper.
 *
 * @param candidates helpers who match
 * @param bySms of them, those who would be asked by SMS
 * @param byEmail of them, those who would be asked by email
 * @param inQuietHoursNow of them, those in their quiet hours right now
 * @param openSlots places still free
 * @param firstWaveSize how many the first wave would ask
 * @param firstWave pseudonymous ids of as many candidates as the first wave asks; which
 * ones are asked is decided when it is sent
 */
record CalloutPreview(int candidates, int bySms, int byEmail, int inQuietHoursNow, int openSlots, int firstWaveSize,
		List<String> firstWave) {
}
