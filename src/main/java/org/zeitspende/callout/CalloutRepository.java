package org.zeitspende.callout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Callouts in PostgreSQL. Every query but the lifecycle job's is scoped to one
 * organisation, so another organisation's callout is simply not found.
 */
@Repository
class CalloutRepository {

	// The counts read the asks' and answers' rows of the callout; both are indexed by
	// callout first.
	private static final String SELECT = """
			select c.id, c.activity_code, c.place_code, c.starts_at, c.ends_at, c.needed, c.filled,
			       c.required_languages, c.required_skills, c.details, c.meeting_point, c.contact_hint,
			       c.notify_when_filled, c.status, c.short_code, c.created_by, c.created_at, c.updated_at,
			       c.cancelled_at, asks.asked, asks.delivered, answers.declined
			from callout c
			cross join lateral (
			    select count(*) filter (where a.status in ('SENT', 'DELIVERED', 'UNKNOWN')) as asked,
			           count(*) filter (where a.status = 'DELIVERED') as delivered
			    from ask a where a.callout_id = c.id) asks
			cross join lateral (
			    select count(*) as declined from confirmation f
			    where f.callout_id = c.id and f.answer = 'DECLINED') answers""";

	private final DatabaseClient database;

	CalloutRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores a new open callout under the given short code.
	 * @return its id, or empty when another open callout holds the short code
	 */
	Mono<UUID> insert(UUID organisationId, UUID createdBy, ValidCallout callout, String shortCode) {
		return this.database.sql("""
				insert into callout (organisation_id, activity_code, place_code, starts_at, ends_at, needed,
				                     required_languages, required_skills, details, meeting_point, contact_hint,
				                     notify_when_filled, short_code, created_by)
				values (:organisation, :activity, :place, :startsAt, :endsAt, :needed, :languages, :skills, :details,
				        :meetingPoint, :contactHint, :notify, :shortCode, :createdBy)
				on conflict (short_code) where status in ('OPEN', 'FILLED') do nothing
				returning id""")
			.bind("organisation", organisationId)
			.bind("activity", callout.activity())
			.bind("place", callout.place())
			.bind("startsAt", utc(callout.startsAt()))
			.bind("endsAt", utc(callout.endsAt()))
			.bind("needed", callout.needed())
			.bind("languages", callout.languages().toArray(String[]::new))
			.bind("skills", callout.skills().toArray(String[]::new))
			.bind("details", callout.details())
			.bind("meetingPoint", callout.meetingPoint())
			.bind("contactHint", callout.contactHint())
			.bind("notify", callout.notifyWhenFilled())
			.bind("shortCode", shortCode)
			.bind("createdBy", createdBy)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<Callout> find(UUID organisationId, UUID id) {
		return this.database.sql(SELECT + " where c.organisation_id = :organisation and c.id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map(CalloutRepository::callout)
			.one();
	}

	/**
	 * One page of an organisation's callouts, newest first.
	 * @param filter status and start-time window; {@code null} fields do not filter
	 * @param limit the most rows
	 * @param offset rows to skip
	 */
	Flux<Callout> findAll(UUID organisationId, CalloutFilter filter, int limit, int offset) {
		GenericExecuteSpec select = this.database.sql(SELECT + """
				 where c.organisation_id = :organisation
				  and (cast(:status as text) is null or c.status = :status)
				  and (cast(:from as timestamptz) is null or c.starts_at >= :from)
				  and (cast(:to as timestamptz) is null or c.starts_at < :to)
				order by c.created_at desc, c.id desc
				limit :limit offset :offset""")
			.bind("organisation", organisationId)
			.bind("limit", limit)
			.bind("offset", offset);
		select = (filter.status() != null) ? select.bind("status", filter.status().name())
				: select.bindNull("status", String.class);
		select = (filter.from() != null) ? select.bind("from", utc(filter.from()))
				: select.bindNull("from", OffsetDateTime.class);
		select = (filter.to() != null) ? select.bind("to", utc(filter.to()))
				: select.bindNull("to", OffsetDateTime.class);
		return select.map(CalloutRepository::callout).all();
	}

	/**
	 * Changes the texts of an open callout that has not started.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> changeTexts(UUID organisationId, UUID id, CalloutChange change, Instant now) {
		GenericExecuteSpec update = this.database.sql("""
				update callout set details = coalesce(:details, details),
				    meeting_point = coalesce(:meetingPoint, meeting_point),
				    contact_hint = coalesce(:contactHint, contact_hint), updated_at = now()
				where organisation_id = :organisation and id = :id and status = 'OPEN' and starts_at > :now""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.bind("now", utc(now));
		update = nullable(update, "details", change.details());
		update = nullable(update, "meetingPoint", change.meetingPoint());
		update = nullable(update, "contactHint", change.contactHint());
		return update.fetch().rowsUpdated();
	}

	/**
	 * Cancels a callout that is neither cancelled nor expired, locking it first.
	 * @return the status it had, or empty if it was not cancelled now
	 */
	Mono<CalloutStatus> cancel(UUID organisationId, UUID id) {
		return this.database.sql("""
				update callout c set status = 'CANCELLED', cancelled_at = now(), updated_at = now()
				from (select id, status from callout where organisation_id = :organisation and id = :id
				      and status in ('OPEN', 'FILLED', 'EXHAUSTED') for update) previous
				where c.id = previous.id
				returning previous.status""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map((row) -> CalloutStatus.valueOf(row.get("status", String.class)))
			.one();
	}

	/**
	 * Marks open callouts whose start is not after the given instant as expired.
	 * @param cutOff the instant
	 * @return the callouts marked
	 */
	Flux<CalloutExpired> expireStartedBefore(Instant cutOff) {
		return this.database.sql("""
				update callout set status = 'EXPIRED', updated_at = now()
				where status = 'OPEN' and starts_at <= :cutOff
				returning id, organisation_id""")
			.bind("cutOff", utc(cutOff))
			.map((row) -> new CalloutExpired(row.get("id", UUID.class), row.get("organisation_id", UUID.class), cutOff))
			.all();
	}

	private static Callout callout(Readable row) {
		int needed = row.get("needed", Integer.class);
		int filled = row.get("filled", Integer.class);
		return new Callout(row.get("id", UUID.class), row.get("activity_code", String.class),
				row.get("place_code", String.class), instant(row, "starts_at"), instant(row, "ends_at"), needed,
				list(row.get("required_languages", String[].class)), list(row.get("required_skills", String[].class)),
				row.get("details", String.class), row.get("meeting_point", String.class),
				row.get("contact_hint", String.class),
				Boolean.TRUE.equals(row.get("notify_when_filled", Boolean.class)),
				CalloutStatus.valueOf(row.get("status", String.class)), row.get("short_code", String.class),
				new CalloutCounts(count(row, "asked"), count(row, "delivered"), filled, count(row, "declined"),
						needed - filled),
				row.get("created_by", UUID.class), instant(row, "created_at"), instant(row, "updated_at"),
				instant(row, "cancelled_at"));
	}

	private static int count(Readable row, String column) {
		return row.get(column, Long.class).intValue();
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static List<String> list(String[] values) {
		return (values != null) ? Arrays.asList(values) : List.of();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
	}

}
