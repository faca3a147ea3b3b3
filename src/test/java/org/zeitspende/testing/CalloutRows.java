package org.zeitspende.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Creates callouts straight in the database, also ones the API would refuse, such as one
 * that has started already.
 */
public final class CalloutRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	public CalloutRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * An open callout for two helpers driving in Grone, starting tomorrow.
	 * @param organisationId its organisation
	 * @param createdBy the member who created it
	 * @return its id
	 */
	public UUID open(UUID organisationId, UUID createdBy) {
		return open(organisationId, createdBy, Instant.now().plus(Duration.ofDays(1)));
	}

	/**
	 * An open callout for two helpers driving in Grone, lasting two hours.
	 * @param organisationId its organisation
	 * @param createdBy the member who created it
	 * @param start when it starts, possibly in the past
	 * @return its id
	 */
	public UUID open(UUID organisationId, UUID createdBy, Instant start) {
		return open(organisationId, createdBy, start, 2);
	}

	/**
	 * An open callout for helpers driving in Grone, lasting two hours.
	 * @param organisationId its organisation
	 * @param createdBy the member who created it
	 * @param start when it starts, possibly in the past
	 * @param needed how many helpers it needs
	 * @return its id
	 */
	public UUID open(UUID organisationId, UUID createdBy, Instant start, int needed) {
		return open(organisationId, createdBy, "fahrdienst", "goettingen-grone", start, needed);
	}

	/**
	 * An open callout, lasting two hours.
	 * @param organisationId its organisation
	 * @param createdBy the member who created it
	 * @param activity an activity code
	 * @param place a place code
	 * @param start when it starts, possibly in the past
	 * @param needed how many helpers it needs
	 * @return its id
	 */
	public UUID open(UUID organisationId, UUID createdBy, String activity, String place, Instant start, int needed) {
		// Deferred, so that each draw binds a new short code.
		return Mono.defer(() -> this.database.sql("""
				insert into callout (organisation_id, activity_code, place_code, starts_at, ends_at, needed, short_code,
				                     created_by)
				values (:organisation, :activity, :place, :start, :end, :needed, :code, :member)
				on conflict do nothing
				returning id""")
			.bind("organisation", organisationId)
			.bind("activity", activity)
			.bind("place", place)
			.bind("start", start.atOffset(ZoneOffset.UTC))
			.bind("end", start.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
			.bind("code", String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)))
			.bind("member", createdBy)
			.bind("needed", needed)
			.map((row) -> row.get("id", UUID.class))
			.one())
			// Another open callout holds the short code: draw again.
			.repeatWhenEmpty(20, (draws) -> draws)
			.block(TIMEOUT);
	}

}
