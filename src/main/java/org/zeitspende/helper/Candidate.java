package org.zeitspende.helper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * A helper who may be asked for a callout, without any contact data: the dispatcher looks
 * the address up when it sends.
 *
 * @param helperId the helper
 * @param channel the channel to ask on: the preferred one if it is verified and has
 * consent to callouts, else the other
 * @param messageLanguage the language to write in
 * @param maxAsksPerWeek the helper's own ask budget
 * @param quietHours when the helper wants no SMS, if ever
 */
public record Candidate(UUID helperId, Channel channel, String messageLanguage, int maxAsksPerWeek,
		Optional<QuietHours> quietHours) {

	/**
	 * Whether the helper is in quiet hours at the given instant.
	 * @param instant the instant
	 * @return {@code true} if SMS should wait
	 */
	public boolean quietAt(Instant instant) {
		return this.quietHours.map((quiet) -> quiet.covers(instant)).orElse(false);
	}

}
