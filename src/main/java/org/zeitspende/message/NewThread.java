package org.zeitspende.message;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new thread and its first message, to exactly one kind of recipient.
 *
 * @param subject what it is about
 * @param text the first message, plain text
 * @param organisationIds other approved organisations: a thread between organisations
 * @param interestId an interest in one of your requirement profiles: a thread with its
 * helper
 * @param calloutId one of your callouts: one thread with each helper confirmed for it
 */
record NewThread(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5000) String text,
		@Size(max = 10) List<@NotNull UUID> organisationIds, UUID interestId, UUID calloutId) {
}
