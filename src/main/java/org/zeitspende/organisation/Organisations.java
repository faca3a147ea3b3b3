package org.zeitspende.organisation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import org.zeitspende.organisation.OrganisationRepository.NewOrganisation;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;

/**
 * Applying, the profile, and the operators' approval and suspension.
 */
@Service
class Organisations {

	private final OrganisationRepository organisations;

	private final MemberRepository members;

	private final PasswordHasher hasher;

	private final ReferenceData referenceData;

	private final CachedStandings standings;

	private final TransactionalOperator transaction;

	Organisations(OrganisationRepository organisations, MemberRepository members, PasswordHasher hasher,
			ReferenceData referenceData, CachedStandings standings, TransactionalOperator transaction) {
		this.organisations = organisations;
		this.members = members;
		this.hasher = hasher;
		this.referenceData = referenceData;
		this.standings = standings;
		this.transaction = transaction;
	}

	/**
	 * Stores a pending organisation with its first admin, all or nothing.
	 * @param application what the applicant sent
	 * @return the organisation
	 */
	Mono<Organisation> apply(OrganisationApplication application) {
		return checkPlaces(application.places()).then(this.hasher.hash(application.admin().password()))
			.flatMap((hash) -> store(application, hash).as(this.transaction::transactional))
			.onErrorMap(DataIntegrityViolationException.class, Organisations::conflict)
			.flatMap(this.organisations::find);
	}

	private Mono<UUID> store(OrganisationApplication application, String passwordHash) {
		String name = application.name().strip();
		Mono<String> slug = (application.slug() != null) ? Mono.just(application.slug()) : freeSlug(name);
		return slug
			.map((free) -> new NewOrganisation(free, name,
					(application.description() != null) ? application.description().strip() : "",
					EmailAddresses.normalise(application.contactEmail()), application.website(), application.places()))
			.flatMap(this.organisations::insert)
			.flatMap((id) -> this.members
				.insert(id, EmailAddresses.normalise(application.admin().email()), MemberRole.ADMIN, passwordHash)
				.flatMap((admin) -> this.organisations.recordApplication(id, admin))
				.thenReturn(id));
	}

	private Mono<String> freeSlug(String name) {
		String base = Slugs.fromName(name);
		return this.organisations.slugsStartingWith(base).map((taken) -> Slugs.firstFree(base, taken));
	}

	Mono<Organisation> profile(UUID organisationId) {
		return this.organisations.find(organisationId).switchIfEmpty(Mono.error(AccountProblem::organisationNotFound));
	}

	Mono<Organisation> changeProfile(UUID organisationId, ProfileChange change) {
		ProfileChange normalised = new ProfileChange((change.name() != null) ? change.name().strip() : null,
				change.description(),
				(change.contactEmail() != null) ? EmailAddresses.normalise(change.contactEmail()) : null,
				change.website(), change.logoUrl(), change.places());
		Mono<Void> placesChecked = (change.places() != null) ? checkPlaces(change.places()) : Mono.empty();
		return placesChecked.then(this.organisations.update(organisationId, normalised))
			.as(this.transaction::transactional)
			.then(profile(organisationId));
	}

	Flux<Organisation> all(OrganisationStatus status) {
		return this.organisations.findAll(status);
	}

	Mono<Organisation> changeStatus(UUID organisationId, OrganisationStatus status, UUID operator) {
		return this.organisations.changeStatus(organisationId, status, operator)
			.as(this.transaction::transactional)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(AccountProblem::organisationNotFound))
			.doOnNext((changed) -> this.standings.forget(organisationId))
			.then(profile(organisationId));
	}

	private Mono<Void> checkPlaces(List<String> places) {
		return this.referenceData.places()
			.map((known) -> known.stream().map(Place::code).collect(Collectors.toSet()))
			.flatMap((known) -> unknown(places, known).isEmpty() ? Mono.empty() : Mono.error(AccountProblem
				.invalidField("places", "has unknown places: " + String.join(", ", unknown(places, known)))));
	}

	private static Set<String> unknown(List<String> places, Set<String> known) {
		Set<String> unknown = new TreeSet<>(places);
		unknown.removeAll(known);
		return unknown;
	}

	private static Throwable conflict(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("member_email_key")) {
			return AccountProblem.emailTaken();
		}
		if (message.contains("organisation_slug_key")) {
			return AccountProblem.slugTaken();
		}
		return ex;
	}

}
