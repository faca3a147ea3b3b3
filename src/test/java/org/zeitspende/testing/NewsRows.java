package org.zeitspende.testing;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Creates news posts straight in the database.
 */
public final class NewsRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	public NewsRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A published post.
	 * @param organisationId its organisation
	 * @param createdBy the member who wrote it
	 * @return its id
	 */
	public UUID published(UUID organisationId, UUID createdBy) {
		return this.database.sql("""
				insert into news_post (organisation_id, created_by, title, body_markdown, body_html)
				values (:organisation, :createdBy, 'Neuigkeiten', 'Hallo', '<p>Hallo</p>')
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
	}

}
