package org.zeitspende.helper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * Everything a helper sees of their own profile.
 */
record HelperProfile(UUID id, String email, boolean emailVerified, String mobile, boolean mobileVerified,
		List<String> places, List<String> activities, List<String> languages, List<String> skills, int hoursPerWeek,
		Commitment commitment, Channel preferredChannel, String messageLanguage, int maxAsksPerWeek,
		HelperRegistration.QuietHours quietHours, String timeZone, OffsetDateTime pausedUntil,
		List<ConsentState> consents, OffsetDateTime createdAt) {

	/**
	 * The consent in force for one channel and purpose.
	 *
	 * @param channel the channel
	 * @param purpose the purpose
	 * @param state GRANTED (not yet verified), CONFIRMED or WITHDRAWN
	 * @param textVersion the consent text it refers to
	 * @param since when it took effect
	 */
	record ConsentState(Channel channel, ConsentPurpose purpose, String state, String textVersion,
			OffsetDateTime since) {
	}

}
