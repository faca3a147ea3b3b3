package org.zeitspende.callout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Whether a callout still takes helpers, for the features that ask them. Not scoped to an
 * organisation: callers hold callout ids from their own rows, never from a request.
 */
@Service
public class OpenCallouts {

	private final DatabaseClient database;

	OpenCallouts(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The callout, if it is open and has not started yet.
	 * @param calloutId the callout
	 * @param now the current instant
	 * @return the callout; empty when it is filled, cancelled, expired, exhausted,
	 * started or unknown
	 */
	public Mono<OpenCallout> find(UUID calloutId, Instant now) {
		return this.database.sql("""
				select id, activity_code, place_code, starts_at, ends_at
				from callout where id = :id and status = 'OPEN' and starts_at > :now""")
			.bind("id", calloutId)
			.bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.map((row) -> new OpenCallout(row.get("id", UUID.class), row.get("activity_code", String.class),
					row.get("place_code", String.class), row.get("starts_at", OffsetDateTime.class).toInstant(),
					row.get("ends_at", OffsetDateTime.class).toInstant()))
			.one();
	}

}
