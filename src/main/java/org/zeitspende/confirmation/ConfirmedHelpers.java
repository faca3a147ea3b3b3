package org.zeitspende.confirmation;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The helpers who hold a place on a callout, for features that write to them.
 */
@Service
public class ConfirmedHelpers {

	private final DatabaseClient database;

	ConfirmedHelpers(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The helpers confirmed for a callout and not withdrawn.
	 * @param calloutId the callout; the caller checks that it may see it
	 * @return the helpers' ids, those who confirmed first first
	 */
	public Flux<UUID> of(UUID calloutId) {
		return this.database.sql("""
				select helper_id from confirmation where callout_id = :callout and answer = 'CONFIRMED'
				order by answered_at, helper_id""")
			.bind("callout", calloutId)
			.map((row) -> row.get("helper_id", UUID.class))
			.all();
	}

}
