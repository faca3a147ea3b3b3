package org.zeitspende.donation;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.ratelimit.RateLimitKey;
import org.zeitspende.ratelimit.RateLimiter;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.OrganisationStandings;
import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * Donation needs: organisations post them, stop or close them and mark pledges received;
 * anyone sees the open ones of approved organisations and pledges. A pledge is taken in
 * one statement that only raises the pledged quantity within the need, so that pledges
 * never exceed it however many arrive at once. Pledges need no account, so they are
 * limited per client address ({@value #LIMIT}).
 */
@Service
class Needs {

	static final String LIMIT = "pledges-per-ip";

	private final NeedRepository needs;

	private final ReferenceData referenceData;

	private final OrganisationStandings standings;

	private final RateLimiter limiter;

	Needs(NeedRepository needs, ReferenceData referenceData, OrganisationStandings standings, RateLimiter limiter) {
		this.needs = needs;
		this.referenceData = referenceData;
		this.standings = standings;
		this.limiter = limiter;
	}

	Mono<Need> create(UUID organisationId, UUID memberId, NewNeed need) {
		return this.referenceData.places()
			.filter((places) -> places.stream().map(Place::code).anyMatch(need.place()::equals))
			.switchIfEmpty(
					Mono.error(() -> new InvalidRequestException("place", "unknown code '" + need.place() + "'")))
			.then(this.needs.insert(organisationId, memberId, need))
			.flatMap((id) -> existing(organisationId, id));
	}

	Mono<List<Need>> list(UUID organisationId) {
		return this.needs.findByOrganisation(organisationId).collectList();
	}

	Mono<Need> existing(UUID organisationId, UUID id) {
		return this.needs.find(organisationId, id).switchIfEmpty(Mono.error(DonationProblem::needNotFound));
	}

	/**
	 * Sets or lifts the Spendenstopp. A closed need stays as it is.
	 */
	Mono<Need> stop(UUID organisationId, UUID id, boolean stopped) {
		return this.needs.stop(organisationId, id, stopped).then(existing(organisationId, id));
	}

	Mono<Need> close(UUID organisationId, UUID id) {
		return this.needs.close(organisationId, id).then(existing(organisationId, id));
	}

	Mono<List<Pledge>> pledges(UUID organisationId, UUID needId) {
		return existing(organisationId, needId).then(this.needs.findPledges(organisationId, needId).collectList());
	}

	Mono<Pledge> markReceived(UUID organisationId, UUID needId, UUID pledgeId) {
		return this.needs.markReceived(organisationId, needId, pledgeId)
			.switchIfEmpty(Mono.error(DonationProblem::pledgeNotFound));
	}

	Mono<List<Need>> open(String place, Category category, UUID organisationId, int limit, int offset) {
		return this.needs.findOpen(place, category, organisationId, limit, offset)
			.filterWhen(this::ofApprovedOrganisation)
			.collectList();
	}

	Mono<Need> published(UUID id) {
		return this.needs.find(id)
			.filterWhen(this::ofApprovedOrganisation)
			.switchIfEmpty(Mono.error(DonationProblem::needNotFound));
	}

	/**
	 * Takes a donor's pledge if it fits within what is still needed.
	 * @param needId the need
	 * @param pledge the pledge
	 * @param clientAddress the donor's address, for the limit per address
	 * @return the receipt; fails with a 429 problem over the limit
	 */
	Mono<PledgeReceipt> pledge(UUID needId, NewPledge pledge, String clientAddress) {
		return this.limiter.consume(List.of(new RateLimitKey(LIMIT, clientAddress)))
			.then(published(needId))
			.flatMap((need) -> this.needs.pledge(needId, pledge)
				.switchIfEmpty(Mono.defer(() -> this.needs.find(needId).map(Needs::refusal))));
	}

	private static PledgeReceipt refusal(Need need) {
		if (need.status() != NeedStatus.OPEN || need.donationStop()) {
			throw DonationProblem.notTakingPledges();
		}
		throw DonationProblem.overPledged(need.quantityNeeded() - need.quantityPledged());
	}

	private Mono<Boolean> ofApprovedOrganisation(Need need) {
		return this.standings.standingOf(need.organisationId()).map(Standing.APPROVED::equals).defaultIfEmpty(false);
	}

}
