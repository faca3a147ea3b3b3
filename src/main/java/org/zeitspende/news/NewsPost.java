package org.zeitspende.news;

import java.time.Instant;
import java.util.UUID;

/**
 * A news post as stored.
 *
 * @param id the post
 * @param organisationId the organisation that wrote it
 * @param title the headline
 * @param body the Markdown as written
 * @param html the body rendered and sanitised
 * @param publishedAt when it is (or becomes) public
 * @param updatedAt when it last changed
 */
record NewsPost(UUID id, UUID organisationId, String title, String body, String html, Instant publishedAt,
		Instant updatedAt) {
}
