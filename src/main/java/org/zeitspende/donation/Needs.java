package org.zeitspende.donation;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.OrganisationStandings;
import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * Donation needs: organisations post them, stop or close them and mark pledges received;
 * anyone sees the open ones of approved organisations and pledges. A pledge is taken in
 * one statement that only raises the pledged quantity within the need, so that pledges
 * never exceed it however many arrive at once.
 */
@Service
class Needs {

	private final NeedRepository needs;

	private final ReferenceData referenceData;

	private final OrganisationStandings standings;

	Needs(NeedRepository needs, ReferenceData referenceData, OrganisationStandings standings) {
		this.needs = needs;
		this.referenceData = referenceData;
		this.standings = standings;
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
	 */
	Mono<PledgeReceipt> pledge(UUID needId, NewPledge pledge) {
		return published(needId).flatMap((need) -> this.needs.pledge(needId, pledge)
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
