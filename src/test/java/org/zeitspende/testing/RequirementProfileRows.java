package org.zeitspende.testing;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Creates requirement profiles straight in the database.
 */
public final class RequirementProfileRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	public RequirementProfileRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * An open profile for a regular driver in Grone, four hours a week.
	 * @param organisationId its organisation
	 * @param createdBy the member who created it
	 * @return its id
	 */
	public UUID open(UUID organisationId, UUID createdBy) {
		return this.database.sql("""
				insert into requirement_profile (organisation_id, created_by, title, activity_code, places,
				    hours_per_week, commitment, volunteers_sought)
				values (:organisation, :createdBy, 'Fahrdienst zum Arzt', 'fahrdienst', '{goettingen-grone}', 4,
				    'REGULAR', 2)
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

	/**
	 * A helper's pending interest in a profile.
	 * @param profileId the profile
	 * @param helperId the helper
	 * @return the interest's id
	 */
	public UUID interest(UUID profileId, UUID helperId) {
		return this.database.sql("""
				insert into requirement_interest (profile_id, helper_id) values (:profile, :helper) returning id""")
			.bind("profile", profileId)
			.bind("helper", helperId)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

}
