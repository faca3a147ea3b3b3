package org.zeitspende.callout;

import java.util.UUID;

/**
 * Where a callout stands and how far it got, as its organisation's live view shows it.
 *
 * @param calloutId the callout
 * @param status where it stands
 * @param counts how far it got
 */
public record CalloutProgress(UUID calloutId, CalloutStatus status, CalloutCounts counts) {
}
