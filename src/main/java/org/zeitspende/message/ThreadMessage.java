package org.zeitspende.message;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in a thread. The text is plain text as written: escape it for HTML.
 *
 * @param id the message
 * @param organisation the organisation whose member wrote it; {@code null} when the
 * thread's helper wrote it
 * @param text the text
 * @param createdAt when it was written
 */
record ThreadMessage(UUID id, Participant organisation, String text, Instant createdAt) {
}
