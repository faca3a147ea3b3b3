package org.zeitspende.testing;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Creates events straight in the database.
 */
public final class EventRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	public EventRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A scheduled event in Grone tomorrow, for up to ten registered helpers.
	 * @param organisationId its organisation
	 * @param createdBy the member who created it
	 * @return its id
	 */
	public UUID scheduled(UUID organisationId, UUID createdBy) {
		return this.database.sql("""
				insert into event (organisation_id, created_by, title, place_code, starts_at, ends_at, capacity)
				values (:organisation, :createdBy, 'Sommerfest', 'goettingen-grone', now() + interval '1 day',
				    now() + interval '1 day 3 hours', 10)
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

}
