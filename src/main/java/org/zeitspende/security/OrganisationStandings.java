package org.zeitspende.security;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Whether an organisation's members may act for it. The organisation feature implements
 * it; the access rules ask it on every request of an organisation member, so that an
 * approval or a suspension takes effect without waiting for tokens to expire.
 */
public interface OrganisationStandings {

	/**
	 * The standing of an organisation.
	 * @param organisationId the organisation
	 * @return its standing, or empty when there is no such organisation
	 */
	Mono<Standing> standingOf(UUID organisationId);

	/**
	 * Where an organisation stands with the platform.
	 */
	enum Standing {

		/** Applied; its members may only see and edit the organisation's profile. */
		PENDING,

		/** Approved by an operator: its members may use the API. */
		APPROVED,

		/** Suspended by an operator: its members may do nothing. */
		SUSPENDED

	}

}
