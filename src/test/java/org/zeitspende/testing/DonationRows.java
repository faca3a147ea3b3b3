package org.zeitspende.testing;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Creates donation needs and pledges straight in the database.
 */
public final class DonationRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	public DonationRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * An open need for ten winter jackets in Grone.
	 * @param organisationId its organisation
	 * @param createdBy the member who posted it
	 * @return its id
	 */
	public UUID open(UUID organisationId, UUID createdBy) {
		return this.database.sql("""
				insert into donation_need (organisation_id, created_by, item, category, place_code, quantity_needed)
				values (:organisation, :createdBy, 'Winterjacken', 'CLOTHING', 'goettingen-grone', 10)
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

	/**
	 * A pledge of one unit for a need; the need's pledged quantity is raised with it.
	 * @param needId the need
	 * @return the pledge's id
	 */
	public UUID pledge(UUID needId) {
		return this.database.sql("""
				with taken as (update donation_need set quantity_pledged = quantity_pledged + 1 where id = :need
				               returning id)
				insert into donation_pledge (need_id, quantity, donor_name, donor_contact)
				select id, 1, 'Erika', 'erika@example.org' from taken returning id""")
			.bind("need", needId)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

}
