package org.zeitspende.news;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * News posts in PostgreSQL. An organisation's queries are scoped to it; the public ones
 * see only posts whose publication time has come.
 */
@Repository
class NewsRepository {

	private static final String SELECT = """
			select id, organisation_id, title, body_markdown, body_html, published_at, updated_at from news_post""";

	private final DatabaseClient database;

	NewsRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<UUID> insert(UUID organisationId, UUID createdBy, String title, String markdown, String html,
			Instant publishAt) {
		return this.database.sql("""
				insert into news_post (organisation_id, created_by, title, body_markdown, body_html, published_at)
				values (:organisation, :createdBy, :title, :markdown, :html, :publishAt)
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.bind("title", title)
			.bind("markdown", markdown)
			.bind("html", html)
			.bind("publishAt", utc(publishAt))
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<Long> update(UUID organisationId, UUID id, String title, String markdown, String html, Instant publishAt) {
		return this.database.sql("""
				update news_post set title = :title, body_markdown = :markdown, body_html = :html,
				                     published_at = coalesce(:publishAt, published_at), updated_at = now()
				where organisation_id = :organisation and id = :id""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.bind("title", title)
			.bind("markdown", markdown)
			.bind("html", html)
			.bind("publishAt", Parameter.fromOrEmpty((publishAt != null) ? utc(publishAt) : null, OffsetDateTime.class))
			.fetch()
			.rowsUpdated();
	}

	Mono<NewsPost> find(UUID organisationId, UUID id) {
		return this.database.sql(SELECT + " where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map(NewsRepository::post)
			.one();
	}

	Flux<NewsPost> findByOrganisation(UUID organisationId) {
		return this.database.sql(SELECT + " where organisation_id = :organisation order by published_at desc, id desc")
			.bind("organisation", organisationId)
			.map(NewsRepository::post)
			.all();
	}

	Mono<Long> delete(UUID organisationId, UUID id) {
		return this.database.sql("delete from news_post where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	Mono<NewsPost> findPublished(UUID id, Instant now) {
		return this.database.sql(SELECT + " where id = :id and published_at <= :now")
			.bind("id", id)
			.bind("now", utc(now))
			.map(NewsRepository::post)
			.one();
	}

	/**
	 * The latest published posts, newest first.
	 * @param organisationId an organisation to filter by, or {@code null}
	 */
	Flux<NewsPost> findPublished(Instant now, UUID organisationId, int limit) {
		GenericExecuteSpec select = this.database.sql(SELECT + """
				 where published_at <= :now and (cast(:organisation as uuid) is null or organisation_id = :organisation)
				order by published_at desc, id desc limit :limit""").bind("now", utc(now)).bind("limit", limit);
		select = (organisationId != null) ? select.bind("organisation", organisationId)
				: select.bindNull("organisation", UUID.class);
		return select.map(NewsRepository::post).all();
	}

	private static NewsPost post(Readable row) {
		return new NewsPost(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("title", String.class), row.get("body_markdown", String.class),
				row.get("body_html", String.class), row.get("published_at", OffsetDateTime.class).toInstant(),
				row.get("updated_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
