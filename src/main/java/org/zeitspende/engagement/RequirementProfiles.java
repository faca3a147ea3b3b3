package org.zeitspende.engagement;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.security.OrganisationStandings;
import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * Requirement profiles: organisations write and pause or close them, volunteers browse
 * the open ones. Methods for organisations take the organisation from the caller's token;
 * another organisation's profile is not found.
 */
@Service
class RequirementProfiles {

	/**
	 * The most profiles a browse request sorts and pages through: the newest that pass
	 * the filter. Enough for a county; a narrower filter reaches older ones.
	 */
	static final int BROWSE_WINDOW = 500;

	private static final Comparator<ScoredProfile> NEWEST = Comparator
		.comparing((ScoredProfile scored) -> scored.profile().createdAt())
		.reversed()
		.thenComparing((scored) -> scored.profile().id());

	private final RequirementProfileRepository profiles;

	private final RequirementProfileChecks checks;

	private final OrganisationStandings standings;

	RequirementProfiles(RequirementProfileRepository profiles, RequirementProfileChecks checks,
			OrganisationStandings standings) {
		this.profiles = profiles;
		this.checks = checks;
		this.standings = standings;
	}

	Mono<RequirementProfile> create(UUID organisationId, UUID memberId, NewRequirementProfile profile) {
		return this.checks.check(profile)
			.flatMap((valid) -> this.profiles.insert(organisationId, memberId, valid))
			.flatMap((id) -> existing(organisationId, id));
	}

	Mono<RequirementProfile> replace(UUID organisationId, UUID id, NewRequirementProfile profile) {
		return this.checks.check(profile)
			.flatMap((valid) -> this.profiles.replace(organisationId, id, valid))
			.flatMap((updated) -> existing(organisationId, id).map(changedOrClosed(updated)));
	}

	Mono<RequirementProfile> pause(UUID organisationId, UUID id) {
		return changeStatus(organisationId, id, List.of(ProfileStatus.OPEN), ProfileStatus.PAUSED);
	}

	Mono<RequirementProfile> open(UUID organisationId, UUID id) {
		return changeStatus(organisationId, id, List.of(ProfileStatus.PAUSED), ProfileStatus.OPEN);
	}

	Mono<RequirementProfile> close(UUID organisationId, UUID id) {
		return changeStatus(organisationId, id, List.of(ProfileStatus.OPEN, ProfileStatus.PAUSED),
				ProfileStatus.CLOSED);
	}

	Mono<List<RequirementProfile>> list(UUID organisationId, ProfileStatus status, int limit, int offset) {
		return this.profiles.findAll(organisationId, status, limit, offset).collectList();
	}

	Mono<RequirementProfile> existing(UUID organisationId, UUID id) {
		return this.profiles.find(organisationId, id).switchIfEmpty(Mono.error(EngagementProblem::profileNotFound));
	}

	/**
	 * An open profile of an approved organisation, as volunteers see it.
	 */
	Mono<RequirementProfile> published(UUID id) {
		return this.profiles.findOpen(id)
			.filterWhen(this::ofApprovedOrganisation)
			.switchIfEmpty(Mono.error(EngagementProblem::profileNotFound));
	}

	/**
	 * Open profiles of approved organisations that pass the filter, in the given order.
	 * @param seeker what the volunteer looks for; {@code null} when unknown, then no
	 * profile has a score and sorting by fit is refused
	 */
	Mono<List<ScoredProfile>> browse(BrowseFilter filter, Seeker seeker, BrowseSort sort, int limit, int offset) {
		if (sort == BrowseSort.FIT && seeker == null) {
			return Mono.error(new InvalidRequestException("hoursPerWeek", "is needed to sort by fit"));
		}
		return this.profiles.findOpen(filter, BROWSE_WINDOW)
			.filterWhen(this::ofApprovedOrganisation)
			.map((profile) -> ScoredProfile.of(profile, (seeker != null) ? Fit.of(profile, seeker) : null))
			.sort(order(sort))
			.skip(offset)
			.take(limit)
			.collectList();
	}

	/**
	 * Open profiles of approved organisations created in a time span, newest first; the
	 * newest {@value #BROWSE_WINDOW} of them.
	 */
	Flux<RequirementProfile> publishedBetween(Instant after, Instant until) {
		return this.profiles.findOpenCreated(after, until, BROWSE_WINDOW).filterWhen(this::ofApprovedOrganisation);
	}

	private Mono<RequirementProfile> changeStatus(UUID organisationId, UUID id, List<ProfileStatus> from,
			ProfileStatus to) {
		return this.profiles.changeStatus(organisationId, id, from, to)
			.flatMap((updated) -> existing(organisationId, id))
			.map((profile) -> {
				// Every status but CLOSED can move to where it was asked to.
				if (profile.status() != to) {
					throw EngagementProblem.closed();
				}
				return profile;
			});
	}

	private Mono<Boolean> ofApprovedOrganisation(RequirementProfile profile) {
		return this.standings.standingOf(profile.organisationId()).map(Standing.APPROVED::equals).defaultIfEmpty(false);
	}

	private static Comparator<ScoredProfile> order(BrowseSort sort) {
		return switch (sort) {
			case FIT -> Comparator.comparing(ScoredProfile::score).reversed().thenComparing(NEWEST);
			case NEWEST -> NEWEST;
			case START ->
				Comparator
					.comparing((ScoredProfile scored) -> scored.profile().startsOn(),
							Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(NEWEST);
		};
	}

	private static Function<RequirementProfile, RequirementProfile> changedOrClosed(long updated) {
		return (profile) -> {
			if (updated == 0) {
				throw EngagementProblem.closed();
			}
			return profile;
		};
	}

}
