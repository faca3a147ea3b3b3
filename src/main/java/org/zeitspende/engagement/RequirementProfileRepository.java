package org.zeitspende.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Requirement profiles in PostgreSQL. An organisation's queries are scoped to it, so
 * another organisation's profile is simply not found; volunteers' queries see open
 * profiles only.
 */
@Repository
class RequirementProfileRepository {

	private static final String SELECT = """
			select id, organisation_id, title, description, activity_code, places, required_skills,
			       nice_to_have_skills, required_languages, languages, hours_per_week, commitment, duration_months,
			       criminal_record_certificate, minimum_age, preconditions, starts_on, volunteers_sought, status,
			       created_at, updated_at
			from requirement_profile""";

	private static final String COLUMNS = """
			title = :title, description = :description, activity_code = :activity, places = :places,
			required_skills = :requiredSkills, nice_to_have_skills = :niceToHaveSkills,
			required_languages = :requiredLanguages, languages = :languages,
			hours_per_week = :hours, commitment = :commitment, duration_months = :duration,
			criminal_record_certificate = :certificate, minimum_age = :minimumAge, preconditions = :preconditions,
			starts_on = :startsOn, volunteers_sought = :sought""";

	private final DatabaseClient database;

	RequirementProfileRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<UUID> insert(UUID organisationId, UUID createdBy, ValidRequirementProfile profile) {
		GenericExecuteSpec insert = this.database
			.sql("""
					insert into requirement_profile (organisation_id, created_by, title, description, activity_code,
					    places, required_skills, nice_to_have_skills, required_languages, languages, hours_per_week, commitment,
					    duration_months, criminal_record_certificate, minimum_age, preconditions, starts_on,
					    volunteers_sought)
					values (:organisation, :createdBy, :title, :description, :activity, :places, :requiredSkills,
					    :niceToHaveSkills, :requiredLanguages, :languages, :hours, :commitment, :duration, :certificate, :minimumAge,
					    :preconditions, :startsOn, :sought)
					returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy);
		return bindContents(insert, profile).map((row) -> row.get("id", UUID.class)).one();
	}

	/**
	 * Replaces the contents of a profile that is not closed.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> replace(UUID organisationId, UUID id, ValidRequirementProfile profile) {
		GenericExecuteSpec update = this.database.sql("update requirement_profile set " + COLUMNS + """
				, updated_at = now()
				where organisation_id = :organisation and id = :id and status <> 'CLOSED'""")
			.bind("organisation", organisationId)
			.bind("id", id);
		return bindContents(update, profile).fetch().rowsUpdated();
	}

	/**
	 * Moves a profile to a status from one of the given ones.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> changeStatus(UUID organisationId, UUID id, List<ProfileStatus> from, ProfileStatus to) {
		return this.database.sql("""
				update requirement_profile set status = :to, updated_at = now()
				where organisation_id = :organisation and id = :id and status = any(:from)""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.bind("from", from.stream().map(ProfileStatus::name).toArray(String[]::new))
			.bind("to", to.name())
			.fetch()
			.rowsUpdated();
	}

	Mono<RequirementProfile> find(UUID organisationId, UUID id) {
		return this.database.sql(SELECT + " where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map(RequirementProfileRepository::profile)
			.one();
	}

	Mono<RequirementProfile> findOpen(UUID id) {
		return this.database.sql(SELECT + " where id = :id and status = 'OPEN'")
			.bind("id", id)
			.map(RequirementProfileRepository::profile)
			.one();
	}

	/**
	 * One page of an organisation's profiles, newest first.
	 * @param status the status to filter by, or {@code null}
	 */
	Flux<RequirementProfile> findAll(UUID organisationId, ProfileStatus status, int limit, int offset) {
		GenericExecuteSpec select = this.database.sql(SELECT + """
				 where organisation_id = :organisation and (cast(:status as text) is null or status = :status)
				order by created_at desc, id desc limit :limit offset :offset""")
			.bind("organisation", organisationId)
			.bind("limit", limit)
			.bind("offset", offset);
		select = (status != null) ? select.bind("status", status.name()) : select.bindNull("status", String.class);
		return select.map(RequirementProfileRepository::profile).all();
	}

	/**
	 * The newest open profiles that pass the filter.
	 * @param limit the most rows
	 */
	Flux<RequirementProfile> findOpen(BrowseFilter filter, int limit) {
		GenericExecuteSpec select = this.database.sql(SELECT + """
				 where status = 'OPEN'
				  and (cast(:text as text) is null or search @@ websearch_to_tsquery('german', :text))
				  and (cast(:place as text) is null or :place = any(places))
				  and (cast(:activity as text) is null or activity_code = :activity)
				  and (cast(:maxHours as integer) is null or hours_per_week <= :maxHours)
				  and (cast(:organisation as uuid) is null or organisation_id = :organisation)
				order by created_at desc, id desc limit :limit""").bind("limit", limit);
		select = nullable(select, "text", filter.text(), String.class);
		select = nullable(select, "place", filter.place(), String.class);
		select = nullable(select, "activity", filter.activity(), String.class);
		select = nullable(select, "maxHours", filter.maxHoursPerWeek(), Integer.class);
		select = nullable(select, "organisation", filter.organisationId(), UUID.class);
		return select.map(RequirementProfileRepository::profile).all();
	}

	/**
	 * Open profiles created in a time span, newest first.
	 * @param limit the most rows
	 */
	Flux<RequirementProfile> findOpenCreated(Instant after, Instant until, int limit) {
		return this.database.sql(SELECT + """
				 where status = 'OPEN' and created_at > :after and created_at <= :until
				order by created_at desc, id desc limit :limit""")
			.bind("after", after.atOffset(ZoneOffset.UTC))
			.bind("until", until.atOffset(ZoneOffset.UTC))
			.bind("limit", limit)
			.map(RequirementProfileRepository::profile)
			.all();
	}

	Flux<UUID> organisationsWithOpenProfiles(String activity) {
		return this.database.sql("""
				select distinct organisation_id from requirement_profile
				where status = 'OPEN' and activity_code = :activity""")
			.bind("activity", activity)
			.map((row) -> row.get("organisation_id", UUID.class))
			.all();
	}

	private static GenericExecuteSpec bindContents(GenericExecuteSpec spec, ValidRequirementProfile profile) {
		GenericExecuteSpec bound = spec.bind("title", profile.title())
			.bind("description", profile.description())
			.bind("activity", profile.activity())
			.bind("places", profile.places().toArray(String[]::new))
			.bind("requiredSkills", profile.requiredSkills().toArray(String[]::new))
			.bind("niceToHaveSkills", profile.niceToHaveSkills().toArray(String[]::new))
			.bind("requiredLanguages", profile.requiredLanguages().toArray(String[]::new))
			.bind("languages", profile.languages().toArray(String[]::new))
			.bind("hours", profile.hoursPerWeek())
			.bind("commitment", profile.commitment().name())
			.bind("certificate", profile.criminalRecordCertificate())
			.bind("preconditions", profile.preconditions())
			.bind("sought", profile.volunteersSought());
		bound = nullable(bound, "duration", profile.durationMonths(), Integer.class);
		bound = nullable(bound, "minimumAge", profile.minimumAge(), Integer.class);
		return nullable(bound, "startsOn", profile.startsOn(), LocalDate.class);
	}

	private static RequirementProfile profile(Readable row) {
		return new RequirementProfile(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("title", String.class), row.get("description", String.class),
				row.get("activity_code", String.class), list(row, "places"), list(row, "required_skills"),
				list(row, "nice_to_have_skills"), list(row, "required_languages"), list(row, "languages"),
				row.get("hours_per_week", Short.class), Commitment.valueOf(row.get("commitment", String.class)),
				integer(row, "duration_months"),
				Boolean.TRUE.equals(row.get("criminal_record_certificate", Boolean.class)), integer(row, "minimum_age"),
				row.get("preconditions", String.class), row.get("starts_on", LocalDate.class),
				row.get("volunteers_sought", Integer.class), ProfileStatus.valueOf(row.get("status", String.class)),
				instant(row, "created_at"), instant(row, "updated_at"));
	}

	private static Integer integer(Readable row, String column) {
		Short value = row.get(column, Short.class);
		return (value != null) ? value.intValue() : null;
	}

	private static List<String> list(Readable row, String column) {
		String[] values = row.get(column, String[].class);
		return (values != null) ? Arrays.asList(values) : List.of();
	}

	private static Instant instant(Readable row, String column) {
		return row.get(column, OffsetDateTime.class).toInstant();
	}

	private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

}
