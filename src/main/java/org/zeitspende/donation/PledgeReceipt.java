package org.zeitspende.donation;

import java.util.UUID;

/**
 * What a donor learns of the own pledge.
 *
 * @param pledgeId the pledge
 * @param quantity how many units were pledged
 * @param stillNeeded how many units the need still lacks after it
 */
record PledgeReceipt(UUID pledgeId, int quantity, int stillNeeded) {
}
