package org.zeitspende.ask;

import java.util.Set;
import java.util.UUID;

/**
 * The relay recorded a batch of asks the providers took; published once per batch, after
 * the batch is committed. Listeners run on the publishing thread: they must not block.
 *
 * @param calloutIds the callouts the batch asked helpers for
 */
public record AsksSent(Set<UUID> calloutIds) {
}
