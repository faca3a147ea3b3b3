package org.zeitspende.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation as the API shows it.
 *
 * @param id its id
 * @param slug its short name in addresses
 * @param name its name
 * @param description what it does
 * @param contactEmail where to reach it
 * @param website its website, or {@code null}
 * @param logoUrl the https address of its logo, or {@code null}
 * @param places the codes of the places it works in
 * @param status where it stands with the platform
 * @param createdAt when it applied
 */
record Organisation(UUID id, String slug, String name, String description, String contactEmail, String website,
		String logoUrl, List<String> places, OrganisationStatus status, Instant createdAt) {
}
