package org.zeitspende.organisation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import org.zeitspende.security.OrganisationStandings;

/**
 * Organisation standings for the access rules, asked on every request of a member. Each
 * answer is kept for a few seconds; an approval or suspension on this instance takes
 * effect at once, on other instances within that time.
 */
@Component
class CachedStandings implements OrganisationStandings {

	static final Duration KEEP = Duration.ofSeconds(10);

	private final OrganisationRepository organisations;

	private final Map<UUID, Mono<Standing>> cache = new ConcurrentHashMap<>();

	CachedStandings(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	@Override
	public Mono<Standing> standingOf(UUID organisationId) {
		return this.cache.computeIfAbsent(organisationId, this::lookUp);
	}

	void forget(UUID organisationId) {
		this.cache.remove(organisationId);
	}

	private Mono<Standing> lookUp(UUID organisationId) {
		return this.organisations.status(organisationId)
			.map((status) -> Standing.valueOf(status.name()))
			.cache((standing) -> KEEP, (error) -> Duration.ZERO, () -> KEEP);
	}

}
