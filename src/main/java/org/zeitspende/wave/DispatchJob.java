package org.zeitspende.wave;

import java.util.UUID;

/**
 * An entry of the dispatch stream: plan the wave of a callout that is due.
 *
 * @param id the entry's id in the stream
 * @param calloutId the callout, or {@code null} when the entry is unreadable or gone
 */
record DispatchJob(String id, UUID calloutId) {
}
