package org.zeitspende.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Events and registrations in PostgreSQL. An organisation's queries are scoped to it, so
 * another organisation's event is simply not found.
 */
@Repository
class EventRepository {

	private static final String SELECT = """
			select id, organisation_id, title, description, place_code, location, starts_at, ends_at, capacity,
			       registered, status, created_at, updated_at
			from event""";

	private final DatabaseClient database;

	EventRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<UUID> insert(UUID organisationId, UUID createdBy, NewEvent event) {
		GenericExecuteSpec insert = this.database.sql("""
				insert into event (organisation_id, created_by, title, description, place_code, location, starts_at,
				                   ends_at, capacity)
				values (:organisation, :createdBy, :title, :description, :place, :location, :startsAt, :endsAt,
				        :capacity)
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.bind("title", event.title().strip())
			.bind("description", orBlank(event.description()))
			.bind("place", event.place())
			.bind("location", orBlank(event.location()))
			.bind("startsAt", utc(event.startsAt()))
			.bind("endsAt", utc(event.endsAt()));
		insert = (event.capacity() != null) ? insert.bind("capacity", event.capacity())
				: insert.bindNull("capacity", Integer.class);
		return insert.map((row) -> row.get("id", UUID.class)).one();
	}

	/**
	 * Replaces a scheduled event's contents, unless the new capacity is below the places
	 * taken: the row lock orders it with registrations, so none slips in between.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> update(UUID organisationId, UUID id, NewEvent event) {
		GenericExecuteSpec update = this.database.sql("""
				update event set title = :title, description = :description, place_code = :place,
				                 location = :location, starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity,
				                 updated_at = now()
				where organisation_id = :organisation and id = :id and status = 'SCHEDULED'
				  and registered <= coalesce(:capacity, 0)""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.bind("title", event.title().strip())
			.bind("description", orBlank(event.description()))
			.bind("place", event.place())
			.bind("location", orBlank(event.location()))
			.bind("startsAt", utc(event.startsAt()))
			.bind("endsAt", utc(event.endsAt()));
		update = (event.capacity() != null) ? update.bind("capacity", event.capacity())
				: update.bindNull("capacity", Integer.class);
		return update.fetch().rowsUpdated();
	}

	Mono<Event> find(UUID organisationId, UUID id) {
		return this.database.sql(SELECT + " where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map(EventRepository::event)
			.one();
	}

	Mono<Event> find(UUID id) {
		return this.database.sql(SELECT + " where id = :id").bind("id", id).map(EventRepository::event).one();
	}

	Flux<Event> findByOrganisation(UUID organisationId) {
		return this.database.sql(SELECT + " where organisation_id = :organisation order by starts_at, id")
			.bind("organisation", organisationId)
			.map(EventRepository::event)
			.all();
	}

	/**
	 * Scheduled events that have not ended, soonest first.
	 * @param place a place code to filter by, or {@code null}
	 * @param organisationId an organisation to filter by, or {@code null}
	 */
	Flux<Event> findUpcoming(Instant now, String place, UUID organisationId, int limit, int offset) {
		GenericExecuteSpec select = this.database.sql(SELECT + """
				 where status = 'SCHEDULED' and ends_at > :now
				  and (cast(:place as text) is null or place_code = :place)
				  and (cast(:organisation as uuid) is null or organisation_id = :organisation)
				order by starts_at, id limit :limit offset :offset""")
			.bind("now", utc(now))
			.bind("limit", limit)
			.bind("offset", offset);
		select = (place != null) ? select.bind("place", place) : select.bindNull("place", String.class);
		select = (organisationId != null) ? select.bind("organisation", organisationId)
				: select.bindNull("organisation", UUID.class);
		return select.map(EventRepository::event).all();
	}

	/**
	 * Calls an event off.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> cancel(UUID organisationId, UUID id) {
		return this.database.sql("""
				update event set status = 'CANCELLED', updated_at = now()
				where organisation_id = :organisation and id = :id and status = 'SCHEDULED'""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Adds the helper's registration unless there is one.
	 * @return the number of rows added: 0 or 1
	 */
	Mono<Long> addRegistration(UUID eventId, UUID helperId) {
		return this.database.sql("""
				insert into event_registration (event_id, helper_id) values (:event, :helper)
				on conflict do nothing""").bind("event", eventId).bind("helper", helperId).fetch().rowsUpdated();
	}

	/**
	 * The events the helper registered for that have not ended, soonest first.
	 */
	Flux<Event> findRegisteredFor(UUID helperId, Instant now) {
		return this.database.sql(SELECT + """
				 where ends_at > :now
				  and id in (select event_id from event_registration where helper_id = :helper)
				order by starts_at, id limit 50""")
			.bind("now", utc(now))
			.bind("helper", helperId)
			.map(EventRepository::event)
			.all();
	}

	Mono<Boolean> isRegistered(UUID eventId, UUID helperId) {
		return this.database
			.sql("select exists (select 1 from event_registration where event_id = :event and helper_id = :helper)")
			.bind("event", eventId)
			.bind("helper", helperId)
			.map((row) -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
			.one();
	}

	Mono<Long> removeRegistration(UUID eventId, UUID helperId) {
		return this.database.sql("delete from event_registration where event_id = :event and helper_id = :helper")
			.bind("event", eventId)
			.bind("helper", helperId)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Takes a place of a scheduled event that has not started, only while one is free.
	 * @return the number of rows changed: 0 when the event is full or takes no
	 * registrations
	 */
	Mono<Long> takePlace(UUID eventId, Instant now) {
		return this.database.sql("""
				update event set registered = registered + 1
				where id = :event and status = 'SCHEDULED' and starts_at > :now and registered < capacity""")
			.bind("event", eventId)
			.bind("now", utc(now))
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> givePlaceBack(UUID eventId) {
		return this.database.sql("update event set registered = registered - 1 where id = :event and registered > 0")
			.bind("event", eventId)
			.fetch()
			.rowsUpdated();
	}

	private static Event event(Readable row) {
		return new Event(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("title", String.class), row.get("description", String.class),
				row.get("place_code", String.class), row.get("location", String.class), instant(row, "starts_at"),
				instant(row, "ends_at"), row.get("capacity", Integer.class), row.get("registered", Integer.class),
				EventStatus.valueOf(row.get("status", String.class)), instant(row, "created_at"),
				instant(row, "updated_at"));
	}

	private static Instant instant(Readable row, String column) {
		return row.get(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String orBlank(String text) {
		return (text != null) ? text.strip() : "";
	}

	/**
	 * The helper's registrations, each with the event's title, soonest first, for the
	 * helper's data export.
	 */
	Mono<List<Map<String, Object>>> registrationsExportOf(UUID helperId) {
		return this.database.sql("""
				select r.event_id, e.title as event_title, e.organisation_id, e.starts_at, e.status as event_status,
				       r.registered_at
				from event_registration r join event e on e.id = r.event_id
				where r.helper_id = :helper order by e.starts_at, r.event_id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/**
	 * Deletes the helper's registrations for events that have not started and gives their
	 * places back, in one statement that removes the row before it changes the count, as
	 * taking a registration back does. Registrations for events that have started stay,
	 * under the pseudonymous id, so that the counts of past events stay right.
	 */
	Mono<Void> eraseRegistrationsOf(UUID helperId) {
		return this.database.sql("""
				with removed as (
				    delete from event_registration r using event e
				    where r.helper_id = :helper and e.id = r.event_id and e.starts_at > now()
				    returning r.event_id)
				update event set registered = registered - 1
				where id in (select event_id from removed) and registered > 0""").bind("helper", helperId).then();
	}

}
