package org.zeitspende.helper;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * What other features may know about helpers without touching their contact data.
 */
@Service
public class HelperDirectory {

	private final DatabaseClient database;

	HelperDirectory(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Helpers who can be asked at all: at least one verified channel.
	 * @return their ids, in no particular order
	 */
	public Flux<UUID> reachableHelperIds() {
		return this.database
			.sql("select id from helper where email_verified_at is not null or mobile_verified_at is not null")
			.map((row) -> row.get("id", UUID.class))
			.all();
	}

}
