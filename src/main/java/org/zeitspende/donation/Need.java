package org.zeitspende.donation;

import java.time.Instant;
import java.util.UUID;

/**
 * A donation need as stored.
 *
 * @param id the need
 * @param organisationId the organisation that asks
 * @param item what is needed
 * @param category the kind of item
 * @param unit what the quantity counts
 * @param notes sizes and other details
 * @param place code of the place
 * @param urgency how soon
 * @param quantityNeeded how many units are needed
 * @param quantityPledged how many are pledged
 * @param donationStop whether nothing more is taken for now
 * @param status whether it takes pledges
 * @param createdAt when it was created
 */
record Need(UUID id, UUID organisationId, String item, Category category, String unit, String notes, String place,
		Urgency urgency, int quantityNeeded, int quantityPledged, boolean donationStop, NeedStatus status,
		Instant createdAt) {
}
