package org.zeitspende.engagement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Helpers' interest in requirement profiles, in PostgreSQL. The organisation's queries go
 * through the profile's organisation, so another organisation's interests are not found.
 */
@Repository
class InterestRepository {

	private static final String COLUMNS = "i.id, i.profile_id, i.helper_id, i.share_contact, i.status, i.created_at, "
			+ "i.decided_at";

	private final DatabaseClient database;

	InterestRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Records the helper's interest in an open profile, or changes whether the contact
	 * data is shared when the interest exists.
	 * @return the interest; empty when the profile is not open
	 */
	Mono<Interest> express(UUID profileId, UUID helperId, boolean shareContact) {
		return this.database.sql("""
				insert into requirement_interest as i (profile_id, helper_id, share_contact)
				select p.id, :helper, :share from requirement_profile p where p.id = :profile and p.status = 'OPEN'
				on conflict (profile_id, helper_id) do update set share_contact = excluded.share_contact
				returning\s""" + COLUMNS)
			.bind("profile", profileId)
			.bind("helper", helperId)
			.bind("share", shareContact)
			.map(InterestRepository::interest)
			.one();
	}

	Mono<Long> withdraw(UUID profileId, UUID helperId) {
		return this.database.sql("delete from requirement_interest where profile_id = :profile and helper_id = :helper")
			.bind("profile", profileId)
			.bind("helper", helperId)
			.fetch()
			.rowsUpdated();
	}

	Flux<MyInterest> findByHelper(UUID helperId) {
		return this.database.sql("""
				select i.id, i.profile_id, p.title, i.share_contact, i.status, i.created_at
				from requirement_interest i join requirement_profile p on p.id = i.profile_id
				where i.helper_id = :helper order by i.created_at desc, i.id""")
			.bind("helper", helperId)
			.map((row) -> new MyInterest(row.get("id", UUID.class), row.get("profile_id", UUID.class),
					row.get("title", String.class), Boolean.TRUE.equals(row.get("share_contact", Boolean.class)),
					InterestStatus.valueOf(row.get("status", String.class)), instant(row, "created_at")))
			.all();
	}

	Flux<Interest> findByProfile(UUID organisationId, UUID profileId) {
		return this.database.sql("select " + COLUMNS + """
				 from requirement_interest i join requirement_profile p on p.id = i.profile_id
				where p.organisation_id = :organisation and i.profile_id = :profile""")
			.bind("organisation", organisationId)
			.bind("profile", profileId)
			.map(InterestRepository::interest)
			.all();
	}

	Mono<Interest> find(UUID organisationId, UUID profileId, UUID interestId) {
		return this.database.sql("select " + COLUMNS + """
				 from requirement_interest i join requirement_profile p on p.id = i.profile_id
				where p.organisation_id = :organisation and i.profile_id = :profile and i.id = :id""")
			.bind("organisation", organisationId)
			.bind("profile", profileId)
			.bind("id", interestId)
			.map(InterestRepository::interest)
			.one();
	}

	Mono<UUID> helperOf(UUID organisationId, UUID interestId) {
		return this.database.sql("""
				select i.helper_id from requirement_interest i join requirement_profile p on p.id = i.profile_id
				where p.organisation_id = :organisation and i.id = :id""")
			.bind("organisation", organisationId)
			.bind("id", interestId)
			.map((row) -> row.get("helper_id", UUID.class))
			.one();
	}

	/**
	 * Accepts or declines a pending interest.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> decide(UUID organisationId, UUID profileId, UUID interestId, InterestStatus decision) {
		return this.database.sql("""
				update requirement_interest i set status = :decision, decided_at = now()
				from requirement_profile p
				where p.id = i.profile_id and p.organisation_id = :organisation and i.profile_id = :profile
				  and i.id = :id and i.status = 'PENDING'""")
			.bind("organisation", organisationId)
			.bind("profile", profileId)
			.bind("id", interestId)
			.bind("decision", decision.name())
			.fetch()
			.rowsUpdated();
	}

	private static Interest interest(Readable row) {
		OffsetDateTime decidedAt = row.get("decided_at", OffsetDateTime.class);
		return new Interest(row.get("id", UUID.class), row.get("profile_id", UUID.class),
				row.get("helper_id", UUID.class), Boolean.TRUE.equals(row.get("share_contact", Boolean.class)),
				InterestStatus.valueOf(row.get("status", String.class)), instant(row, "created_at"),
				(decidedAt != null) ? decidedAt.toInstant() : null);
	}

	private static Instant instant(Readable row, String column) {
		return row.get(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * The helper's interests, each with the profile's title, oldest first, for the
	 * helper's data export.
	 */
	Mono<List<Map<String, Object>>> exportOf(UUID helperId) {
		return this.database.sql("""
				select i.id, i.profile_id, p.title as profile_title, p.organisation_id, i.status, i.share_contact,
				       i.created_at, i.decided_at
				from requirement_interest i join requirement_profile p on p.id = i.profile_id
				where i.helper_id = :helper order by i.created_at, i.id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/**
	 * Deletes the helper's interests: the organisations no longer see the helper among
	 * the interested.
	 */
	Mono<Void> eraseOf(UUID helperId) {
		return this.database.sql("delete from requirement_interest where helper_id = :helper")
			.bind("helper", helperId)
			.then();
	}

}
