package org.zeitspende.reference;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Places, activities and languages. They change only with a migration, so each list is
 * read once and then served from memory.
 */
@Service
public class ReferenceData {

	private final Mono<List<Place>> places;

	private final Mono<List<Activity>> activities;

	private final Mono<List<Language>> languages;

	ReferenceData(DatabaseClient database) {
		this.places = readOnce(database, "select code, name, kind, parent_code from place order by code",
				(row) -> new Place(row.get("code", String.class), row.get("name", String.class),
						row.get("kind", String.class), row.get("parent_code", String.class)));
		this.activities = readOnce(database, "select code, name_de, name_en from activity order by name_de",
				(row) -> new Activity(row.get("code", String.class), row.get("name_de", String.class),
						row.get("name_en", String.class)));
		this.languages = readOnce(database, "select code, name_de, name_en, native_name from language order by code",
				(row) -> new Language(row.get("code", String.class), row.get("name_de", String.class),
						row.get("name_en", String.class), row.get("native_name", String.class)));
	}

	public Mono<List<Place>> places() {
		return this.places;
	}

	public Mono<List<Activity>> activities() {
		return this.activities;
	}

	public Mono<List<Language>> languages() {
		return this.languages;
	}

	/**
	 * The names of places and activities in a language.
	 * @param language a language code; anything but {@code en} reads German
	 * @return the names
	 */
	public Mono<Names> names(String language) {
		return Mono.zip(this.activities, this.places)
			.map((loaded) -> new Names("en".equals(language), loaded.getT1(), loaded.getT2()));
	}

	// Keeps a successful read for good, but not a failure: the next caller tries again.
	private static <T> Mono<List<T>> readOnce(DatabaseClient database, String sql, Function<Readable, T> mapper) {
		return database.sql(sql)
			.map(mapper)
			.all()
			.collectList()
			.cache((list) -> Duration.ofMillis(Long.MAX_VALUE), (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

}
