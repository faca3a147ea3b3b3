package org.zeitspende.donation;

import java.time.Instant;
import java.util.UUID;

/**
 * A donor's pledge, as the organisation sees it.
 *
 * @param id the pledge
 * @param needId the need
 * @param quantity how many units
 * @param donorName who pledged
 * @param donorContact how to reach the donor
 * @param pledgedAt when
 * @param receivedAt when the organisation received it, or {@code null}
 */
record Pledge(UUID id, UUID needId, int quantity, String donorName, String donorContact, Instant pledgedAt,
		Instant receivedAt) {
}
