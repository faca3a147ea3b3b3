package org.zeitspende.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Members and their credentials, in PostgreSQL. Every query about an organisation's
 * members names the organisation, so a member of another one is simply not found.
 */
@Repository
class MemberRepository {

	private static final String MEMBER_COLUMNS = """
			id, email, role, created_at, last_login_at,
			case when locked_until > now() then locked_until end as locked_until""";

	private final DatabaseClient database;

	MemberRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<Member> findAll(UUID organisationId) {
		return this.database
			.sql("select " + MEMBER_COLUMNS
					+ " from member where organisation_id = :organisation order by created_at, email")
			.bind("organisation", organisationId)
			.map(MemberRepository::member)
			.all();
	}

	Mono<Member> find(UUID organisationId, UUID id) {
		return this.database
			.sql("select " + MEMBER_COLUMNS + " from member where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map(MemberRepository::member)
			.one();
	}

	Mono<UUID> insert(UUID organisationId, String email, MemberRole role, String passwordHash) {
		return this.database.sql("""
				insert into member (organisation_id, email, password_hash, role)
				values (:organisation, :email, :hash, :role)
				returning id""")
			.bind("organisation", organisationId)
			.bind("email", email)
			.bind("hash", passwordHash)
			.bind("role", role.name())
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<Void> changeRole(UUID organisationId, UUID id, MemberRole role) {
		return this.database.sql("update member set role = :role where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.bind("role", role.name())
			.then();
	}

	Mono<Void> changePasswordHash(UUID id, String passwordHash) {
		return this.database
			.sql("update member set password_hash = :hash, failed_logins = 0, locked_until = null where id = :id")
			.bind("id", id)
			.bind("hash", passwordHash)
			.then();
	}

	Mono<Void> unlock(UUID organisationId, UUID id) {
		return this.database.sql("""
				update member set failed_logins = 0, locked_until = null
				where organisation_id = :organisation and id = :id""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.then();
	}

	Mono<Void> delete(UUID organisationId, UUID id) {
		return this.database.sql("delete from member where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.then();
	}

	/**
	 * Holds the organisation's row until the transaction ends, so that two admins cannot
	 * each demote or remove the other at the same time.
	 * @param organisationId the organisation
	 * @return the number of admins other than {@code except}
	 */
	Mono<Long> lockAndCountOtherAdmins(UUID organisationId, UUID except) {
		return this.database.sql("select id from organisation where id = :organisation for update")
			.bind("organisation", organisationId)
			.then()
			.then(this.database.sql("""
					select count(*) from member
					where organisation_id = :organisation and role = 'ADMIN' and id <> :except""")
				.bind("organisation", organisationId)
				.bind("except", except)
				.map((row) -> row.get(0, Long.class))
				.one());
	}

	Mono<Credentials> credentialsByEmail(String email) {
		return credentials("m.email = :key", email);
	}

	Mono<Credentials> credentialsById(UUID id) {
		return credentials("m.id = :key", id);
	}

	private Mono<Credentials> credentials(String condition, Object key) {
		return this.database.sql("""
				select m.id, m.organisation_id, m.role, m.password_hash,
				       coalesce(m.locked_until > now(), false) as locked, o.status as organisation_status
				from member m left join organisation o on o.id = m.organisation_id
				where \s""" + condition).bind("key", key).map(MemberRepository::credentials).one();
	}

	/**
	 * Counts a wrong password; the one that reaches the limit locks the account and
	 * starts the count again for the time after the lockout.
	 */
	Mono<Void> recordFailure(UUID id, int maxFailures, Duration lockout) {
		return this.database.sql("""
				update member set
				    locked_until = case when failed_logins + 1 >= :max
				                        then now() + make_interval(secs => :seconds) else locked_until end,
				    failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end
				where id = :id""")
			.bind("id", id)
			.bind("max", maxFailures)
			.bind("seconds", lockout.toMillis() / 1000.0)
			.then();
	}

	Mono<Void> recordSuccess(UUID id) {
		return this.database
			.sql("update member set failed_logins = 0, locked_until = null, last_login_at = now() where id = :id")
			.bind("id", id)
			.then();
	}

	private static Member member(Readable row) {
		return new Member(row.get("id", UUID.class), row.get("email", String.class),
				MemberRole.valueOf(row.get("role", String.class)), row.get("created_at", Instant.class),
				row.get("last_login_at", Instant.class), row.get("locked_until", Instant.class));
	}

	private static Credentials credentials(Readable row) {
		String status = row.get("organisation_status", String.class);
		return new Credentials(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("role", String.class), row.get("password_hash", String.class),
				Boolean.TRUE.equals(row.get("locked", Boolean.class)),
				(status != null) ? OrganisationStatus.valueOf(status) : null);
	}

	/**
	 * What signing in needs to know about a member. Never leaves this feature.
	 *
	 * @param id the member
	 * @param organisationId the organisation, {@code null} for operators
	 * @param role {@code ADMIN}, {@code COORDINATOR} or {@code OPERATOR}
	 * @param passwordHash the bcrypt hash
	 * @param locked whether sign-in is locked right now
	 * @param organisationStatus the organisation's status, {@code null} for operators
	 */
	record Credentials(UUID id, UUID organisationId, String role, String passwordHash, boolean locked,
			OrganisationStatus organisationStatus) {

		@Override
		public String toString() {
			return "Credentials[id=" + this.id + ", role=" + this.role + "]";
		}

	}

}
