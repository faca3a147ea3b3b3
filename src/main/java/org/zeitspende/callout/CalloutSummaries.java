package org.zeitspende.callout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Callouts as the helpers who were asked see them. Not scoped to an organisation: callers
 * hold callout ids from an ask, never from a request.
 */
@Service
public class CalloutSummaries {

	private static final String SELECT = """
			select c.id, c.organisation_id, c.created_by, c.activity_code, c.place_code, c.starts_at, c.ends_at, c.details,
			       c.meeting_point, c.contact_hint, c.needed, c.filled, c.status, c.short_code
			from callout c""";

	private final DatabaseClient database;

	CalloutSummaries(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * One callout.
	 * @param calloutId the callout
	 * @return the callout, empty when unknown
	 */
	public Mono<CalloutSummary> find(UUID calloutId) {
		return this.database.sql(SELECT + " where c.id = :id")
			.bind("id", calloutId)
			.map(CalloutSummaries::summary)
			.one();
	}

	/**
	 * Every callout that takes helpers or is filled and has not ended: those whose slots
	 * may still change.
	 * @param now the current instant
	 * @return the callouts
	 */
	public Flux<CalloutSummary> live(Instant now) {
		return this.database.sql(SELECT + " where c.status in ('OPEN', 'FILLED') and c.ends_at > :now")
			.bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.map(CalloutSummaries::summary)
			.all();
	}

	private static CalloutSummary summary(Readable row) {
		return new CalloutSummary(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("created_by", UUID.class), row.get("activity_code", String.class),
				row.get("place_code", String.class), row.get("starts_at", OffsetDateTime.class).toInstant(),
				row.get("ends_at", OffsetDateTime.class).toInstant(), row.get("details", String.class),
				row.get("meeting_point", String.class), row.get("contact_hint", String.class),
				row.get("needed", Integer.class), row.get("filled", Integer.class),
				CalloutStatus.valueOf(row.get("status", String.class)), row.get("short_code", String.class));
	}

}
