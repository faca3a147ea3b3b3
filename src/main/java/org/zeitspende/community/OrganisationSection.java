package org.zeitspende.community;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A part of an organisation's public page that a feature contributes: its open
 * requirement profiles, upcoming events, latest news or donation needs. Sections appear
 * in the order of their {@link org.springframework.core.annotation.Order}.
 */
public interface OrganisationSection {

	/**
	 * The section's HTML, already escaped.
	 * @param organisationId an approved organisation
	 * @param language {@code de} or {@code en}
	 * @return the section, with its own heading
	 */
	Mono<String> html(UUID organisationId, String language);

}
