package org.zeitspende.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A thread without its messages.
 *
 * @param id the thread
 * @param subject what it is about
 * @param kind between organisations, or with a helper
 * @param organisations the organisations that see it, the one that started it first
 * @param helper the pseudonym of the thread's helper ({@code H-} and eight characters,
 * different per thread); {@code null} between organisations
 * @param createdAt when it was started
 * @param lastMessageAt when the latest message was written
 */
record MessageThread(UUID id, String subject, ThreadKind kind, List<Participant> organisations, String helper,
		Instant createdAt, Instant lastMessageAt) {
}
