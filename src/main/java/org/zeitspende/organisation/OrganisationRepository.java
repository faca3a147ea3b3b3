package org.zeitspende.organisation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Organisations and the places they work in, in PostgreSQL.
 */
@Repository
class OrganisationRepository {

	private static final String SELECT = """
			select o.id, o.slug, o.name, o.description, o.contact_email, o.website_url, o.logo_url, o.status, o.created_at,
			       coalesce(array_agg(p.place_code order by p.place_code)
			                filter (where p.place_code is not null), '{}') as places
			from organisation o left join organisation_place p on p.organisation_id = o.id
			""";

	private final DatabaseClient database;

	OrganisationRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Organisation> find(UUID id) {
		return this.database.sql(SELECT + " where o.id = :id group by o.id")
			.bind("id", id)
			.map(OrganisationRepository::organisation)
			.one();
	}

	Flux<Organisation> findAll(OrganisationStatus status) {
		String where = (status != null) ? " where o.status = :status" : "";
		DatabaseClient.GenericExecuteSpec spec = this.database
			.sql(SELECT + where + " group by o.id order by o.created_at, o.slug");
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		return spec.map(OrganisationRepository::organisation).all();
	}

	Mono<OrganisationStatus> status(UUID id) {
		return this.database.sql("select status from organisation where id = :id")
			.bind("id", id)
			.map((row) -> OrganisationStatus.valueOf(row.get("status", String.class)))
			.one();
	}

	Mono<Set<String>> slugsStartingWith(String base) {
		return this.database.sql("select slug from organisation where slug = :base or slug like :prefix")
			.bind("base", base)
			.bind("prefix", base + "-%")
			.map((row) -> row.get("slug", String.class))
			.all()
			.collect(Collectors.toSet());
	}

	Mono<UUID> insert(NewOrganisation organisation) {
		return this.database.sql("""
				insert into organisation (slug, name, description, contact_email, website_url, status)
				values (:slug, :name, :description, :contactEmail, :website, 'PENDING')
				returning id""")
			.bind("slug", organisation.slug())
			.bind("name", organisation.name())
			.bind("description", organisation.description())
			.bind("contactEmail", organisation.contactEmail())
			.bind("website", Parameter.fromOrEmpty(organisation.website(), String.class))
			.map((row) -> row.get("id", UUID.class))
			.one()
			.flatMap((id) -> replacePlaces(id, organisation.places()).thenReturn(id));
	}

	Mono<Void> update(UUID id, ProfileChange change) {
		return this.database.sql("""
				update organisation set
				    name = coalesce(:name, name),
				    description = coalesce(:description, description),
				    contact_email = coalesce(:contactEmail, contact_email),
				    website_url = case when :website::text is null then website_url
				                       else nullif(:website::text, '') end,
				    logo_url = case when :logoUrl::text is null then logo_url
				                    else nullif(:logoUrl::text, '') end
				where id = :id""")
			.bind("id", id)
			.bind("name", Parameter.fromOrEmpty(change.name(), String.class))
			.bind("description", Parameter.fromOrEmpty(change.description(), String.class))
			.bind("contactEmail", Parameter.fromOrEmpty(change.contactEmail(), String.class))
			.bind("website", Parameter.fromOrEmpty(change.website(), String.class))
			.bind("logoUrl", Parameter.fromOrEmpty(change.logoUrl(), String.class))
			.then()
			.then((change.places() != null) ? replacePlaces(id, change.places()) : Mono.empty());
	}

	Mono<Void> replacePlaces(UUID id, List<String> places) {
		Mono<Void> removeAll = this.database.sql("delete from organisation_place where organisation_id = :id")
			.bind("id", id)
			.then();
		Mono<Void> insertAll = this.database.sql("""
				insert into organisation_place (organisation_id, place_code)
				select :id, code from unnest(:places::text[]) as code""")
			.bind("id", id)
			.bind("places", places.stream().distinct().toArray(String[]::new))
			.then();
		return removeAll.then(insertAll);
	}

	Mono<Boolean> changeStatus(UUID id, OrganisationStatus status, UUID changedBy) {
		return this.database.sql("""
				with changed as (update organisation set status = :status where id = :id returning id)
				insert into organisation_status_change (organisation_id, status, changed_by)
				select id, :status, :changedBy from changed""")
			.bind("id", id)
			.bind("status", status.name())
			.bind("changedBy", changedBy)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Void> recordApplication(UUID id, UUID applicant) {
		return this.database.sql("""
				insert into organisation_status_change (organisation_id, status, changed_by)
				values (:id, 'PENDING', :applicant)""").bind("id", id).bind("applicant", applicant).then();
	}

	private static Organisation organisation(Readable row) {
		String[] places = row.get("places", String[].class);
		return new Organisation(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
				row.get("description", String.class), row.get("contact_email", String.class),
				row.get("website_url", String.class), row.get("logo_url", String.class),
				(places != null) ? Arrays.asList(places) : List.of(),
				OrganisationStatus.valueOf(row.get("status", String.class)), row.get("created_at", Instant.class));
	}

	record NewOrganisation(String slug, String name, String description, String contactEmail, String website,
			List<String> places) {
	}

}
