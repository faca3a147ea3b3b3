package org.zeitspende.callout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Open callouts as the features that ask helpers see them: what they still need, how
 * earlier callouts of an activity ended, and the end of a callout that ran out of helpers
 * to ask. Not scoped to an organisation: callers hold callout ids from their own rows or
 * events, never from a request.
 */
@Service
public class CalloutNeeds {

	private final DatabaseClient database;

	private final ApplicationEventPublisher events;

	CalloutNeeds(DatabaseClient database, ApplicationEventPublisher events) {
		this.database = database;
		this.events = events;
	}

	/**
	 * The callout, if it is open and has not started yet.
	 * @param calloutId the callout
	 * @param now the current instant
	 * @return what it needs; empty when it is filled, cancelled, expired, exhausted,
	 * started or unknown
	 */
	public Mono<CalloutNeed> find(UUID calloutId, Instant now) {
		return this.database.sql("""
				select id, organisation_id, activity_code, place_code, required_languages, required_skills, starts_at,
				       ends_at, needed, filled
				from callout where id = :id and status = 'OPEN' and starts_at > :now""")
			.bind("id", calloutId)
			.bind("now", utc(now))
			.map(CalloutNeeds::need)
			.one();
	}

	/**
	 * The latest callouts of an activity that ended filled, exhausted or expired, newest
	 * start first.
	 * @param activity code of the activity
	 * @param limit the most callouts
	 * @return the callouts with how many helpers each found
	 */
	public Flux<FinishedCallout> finished(String activity, int limit) {
		return this.database.sql("""
				select id, filled from callout
				where activity_code = :activity and status in ('FILLED', 'EXHAUSTED', 'EXPIRED')
				order by starts_at desc limit :limit""")
			.bind("activity", activity)
			.bind("limit", limit)
			.map((row) -> new FinishedCallout(row.get("id", UUID.class), row.get("filled", Integer.class)))
			.all();
	}

	/**
	 * Ends an open callout that has nobody left to ask and publishes
	 * {@link CalloutExhausted} once, after the change is committed.
	 * @param calloutId the callout
	 * @param at when it ran out of helpers to ask
	 * @return whether it was open and is exhausted now; {@code false} when it had ended
	 * already
	 */
	public Mono<Boolean> exhaust(UUID calloutId, Instant at) {
		return this.database.sql("""
				update callout set status = 'EXHAUSTED', updated_at = now()
				where id = :id and status = 'OPEN'
				returning organisation_id, filled, needed""")
			.bind("id", calloutId)
			.map((row) -> new CalloutExhausted(calloutId, row.get("organisation_id", UUID.class),
					row.get("filled", Integer.class), row.get("needed", Integer.class), at))
			.one()
			.doOnNext(this.events::publishEvent)
			.hasElement();
	}

	private static CalloutNeed need(Readable row) {
		return new CalloutNeed(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("activity_code", String.class), row.get("place_code", String.class),
				Set.copyOf(List.of(row.get("required_languages", String[].class))),
				Set.copyOf(List.of(row.get("required_skills", String[].class))),
				row.get("starts_at", OffsetDateTime.class).toInstant(),
				row.get("ends_at", OffsetDateTime.class).toInstant(), row.get("needed", Integer.class),
				row.get("filled", Integer.class));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
