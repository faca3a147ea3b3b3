package org.zeitspende.organisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Organisations' public names, for features that show what organisations publish.
 */
@Service
public class OrganisationNames {

	private final DatabaseClient database;

	OrganisationNames(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The names of the given organisations, read in one query.
	 * @param organisationIds the organisations
	 * @return name by id; unknown ids are missing
	 */
	public Mono<Map<UUID, String>> of(Collection<UUID> organisationIds) {
		if (organisationIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select id, name from organisation where id = any(:ids)")
			.bind("ids", organisationIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("id", UUID.class), row.get("name", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * The names of the approved organisations, for choosing one to write to.
	 * @return name by id, by name
	 */
	public Mono<Map<UUID, String>> approved() {
		return this.database.sql("select id, name from organisation where status = 'APPROVED' order by name, id")
			.map((row) -> Map.entry(row.get("id", UUID.class), row.get("name", String.class)))
			.all()
			.collect(LinkedHashMap::new, (names, name) -> names.put(name.getKey(), name.getValue()));
	}

}
