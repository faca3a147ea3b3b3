package org.zeitspende.callout;

import java.util.UUID;

/**
 * A callout that ended filled, exhausted or expired, and how many helpers it found.
 *
 * @param id the callout
 * @param filled how many helpers confirmed
 */
public record FinishedCallout(UUID id, int filled) {
}
