package org.zeitspende.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.helper.MatchProfiles;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.OrganisationStandings;
import org.zeitspende.security.OrganisationStandings.Standing;

/**
 * Events: organisations create and cancel them, anyone sees those of approved
 * organisations, and helpers register for those with a capacity. A registration takes a
 * place in the same transaction that adds it, and only while one is free, so that the
 * registrations never exceed the capacity however many arrive at once.
 */
@Service
class Events {

	private final EventRepository events;

	private final ReferenceData referenceData;

	private final OrganisationStandings standings;

	private final MatchProfiles helpers;

	private final TransactionalOperator transaction;

	Events(EventRepository events, ReferenceData referenceData, OrganisationStandings standings, MatchProfiles helpers,
			TransactionalOperator transaction) {
		this.events = events;
		this.referenceData = referenceData;
		this.standings = standings;
		this.helpers = helpers;
		this.transaction = transaction;
	}

	Mono<Event> create(UUID organisationId, UUID memberId, NewEvent event, Instant now) {
		return check(event, now).flatMap((valid) -> this.events.insert(organisationId, memberId, valid))
			.flatMap((id) -> existing(organisationId, id));
	}

	/**
	 * Replaces a scheduled event's contents; the capacity may not drop below the
	 * registrations (or go away while there are any).
	 */
	Mono<Event> replace(UUID organisationId, UUID id, NewEvent event, Instant now) {
		return check(event, now).flatMap((valid) -> this.events.update(organisationId, id, valid))
			.flatMap((updated) -> existing(organisationId, id).map((stored) -> {
				if (updated > 0) {
					return stored;
				}
				if (stored.status() == EventStatus.CANCELLED) {
					throw EventProblem.cancelled();
				}
				throw new InvalidRequestException("capacity",
						"must not be below the " + stored.registered() + " registrations");
			}));
	}

	Mono<List<Event>> list(UUID organisationId) {
		return this.events.findByOrganisation(organisationId).collectList();
	}

	Mono<Event> existing(UUID organisationId, UUID id) {
		return this.events.find(organisationId, id).switchIfEmpty(Mono.error(EventProblem::notFound));
	}

	/**
	 * Cancels a scheduled event; cancelling again answers the cancelled event.
	 */
	Mono<Event> cancel(UUID organisationId, UUID id) {
		return this.events.cancel(organisationId, id).then(existing(organisationId, id));
	}

	/**
	 * An event of an approved organisation, as anyone sees it.
	 */
	Mono<Event> published(UUID id) {
		return this.events.find(id)
			.filterWhen((event) -> approved(event.organisationId()))
			.switchIfEmpty(Mono.error(EventProblem::notFound));
	}

	Mono<List<Event>> upcoming(Instant now, String place, UUID organisationId, int limit, int offset) {
		return this.events.findUpcoming(now, place, organisationId, limit, offset)
			.filterWhen((event) -> approved(event.organisationId()))
			.collectList();
	}

	/**
	 * Every event of an approved organisation, for its calendar feed.
	 * @return the events; empty when the organisation is unknown or not approved
	 */
	Mono<List<Event>> calendarOf(UUID organisationId) {
		return approved(organisationId).filter(Boolean::booleanValue)
			.flatMap((approved) -> this.events.findByOrganisation(organisationId).collectList());
	}

	/**
	 * Registers the helper for the event. Registering again answers the same.
	 * @return the event with its new count
	 */
	Mono<Event> register(UUID helperId, UUID eventId, Instant now) {
		return this.helpers.of(helperId)
			.switchIfEmpty(Mono.error(EventProblem::helperNotFound))
			.then(published(eventId))
			.filter((event) -> registrable(event, now))
			.switchIfEmpty(Mono.error(EventProblem::notOpenForRegistration))
			.flatMap((event) -> this.transaction.transactional(this.events.addRegistration(eventId, helperId)
				.flatMap((added) -> (added == 0) ? Mono.just(0L) : takePlace(eventId, now))))
			.then(published(eventId));
	}

	/**
	 * The events the helper registered for that have not ended, soonest first.
	 */
	Mono<List<Event>> registeredFor(UUID helperId, Instant now) {
		return this.events.findRegisteredFor(helperId, now).collectList();
	}

	/**
	 * Whether the helper is registered for the event.
	 */
	Mono<Boolean> isRegistered(UUID helperId, UUID eventId) {
		return this.events.isRegistered(eventId, helperId);
	}

	/**
	 * Takes back the helper's registration, which frees its place.
	 */
	Mono<Void> unregister(UUID helperId, UUID eventId) {
		return this.transaction
			.transactional(this.events.removeRegistration(eventId, helperId)
				.flatMap((removed) -> (removed == 0) ? Mono.just(0L) : this.events.givePlaceBack(eventId)))
			.then();
	}

	private Mono<Long> takePlace(UUID eventId, Instant now) {
		return this.events.takePlace(eventId, now)
			.filter((taken) -> taken > 0)
			.switchIfEmpty(Mono.error(EventProblem::full));
	}

	/**
	 * Whether the event takes registrations: it has a capacity, is scheduled and has not
	 * started.
	 */
	static boolean registrable(Event event, Instant now) {
		return event.capacity() != null && event.status() == EventStatus.SCHEDULED && event.startsAt().isAfter(now);
	}

	private Mono<Boolean> approved(UUID organisationId) {
		return this.standings.standingOf(organisationId).map(Standing.APPROVED::equals).defaultIfEmpty(false);
	}

	private Mono<NewEvent> check(NewEvent event, Instant now) {
		return this.referenceData.places().map((places) -> {
			List<InvalidField> errors = new ArrayList<>();
			if (places.stream().map(Place::code).noneMatch(event.place()::equals)) {
				errors.add(new InvalidField("place", "unknown code '" + event.place() + "'"));
			}
			if (!event.startsAt().isAfter(now)) {
				errors.add(new InvalidField("startsAt", "must be in the future"));
			}
			if (!event.endsAt().isAfter(event.startsAt())) {
				errors.add(new InvalidField("endsAt", "must be after startsAt"));
			}
			if (!errors.isEmpty()) {
				throw new InvalidRequestException(errors);
			}
			return event;
		});
	}

}
