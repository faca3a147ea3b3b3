package org.zeitspende.testing;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Creates organisations with members straight in the database, each with fresh ids and
 * addresses, so tests never meet each other's rows. Every member's password is
 * {@link #PASSWORD}.
 */
public final class Tenants {

	/** The password of every member created here. */
	public static final String PASSWORD = "correct horse battery staple";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	// Cost 4: quick to check, and any cost is accepted when signing in.
	private static final String PASSWORD_HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private final DatabaseClient database;

	public Tenants(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The database the organisations go into, for fixtures of resources they own.
	 * @return the database client
	 */
	public DatabaseClient database() {
		return this.database;
	}

	/**
	 * An approved organisation with one admin and one coordinator.
	 * @return its ids and members
	 */
	public Tenant approved() {
		return create("APPROVED");
	}

	/**
	 * An organisation with the given status, one admin and one coordinator.
	 * @param status {@code PENDING}, {@code APPROVED} or {@code SUSPENDED}
	 * @return its ids and members
	 */
	public Tenant create(String status) {
		String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
		UUID organisationId = this.database.sql("""
				insert into organisation (slug, name, contact_email, status)
				values (:slug, :name, :email, :status) returning id""")
			.bind("slug", slug)
			.bind("name", "Test organisation " + slug)
			.bind("email", "kontakt@" + slug + ".example.org")
			.bind("status", status)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
		Member admin = member(organisationId, "ADMIN");
		Member coordinator = member(organisationId, "COORDINATOR");
		return new Tenant(organisationId, admin, coordinator);
	}

	/**
	 * One more member of an organisation.
	 * @param organisationId the organisation
	 * @param role {@code ADMIN} or {@code COORDINATOR}
	 * @return the member
	 */
	public Member member(UUID organisationId, String role) {
		return insert(organisationId, role);
	}

	/**
	 * A platform operator, who belongs to no organisation.
	 * @return the operator
	 */
	public Member operator() {
		return insert(null, "OPERATOR");
	}

	private Member insert(UUID organisationId, String role) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.example.org";
		UUID id = this.database.sql("""
				insert into member (organisation_id, email, password_hash, role)
				values (:organisation, :email, :hash, :role) returning id""")
			.bind("organisation", Parameter.fromOrEmpty(organisationId, UUID.class))
			.bind("email", email)
			.bind("hash", PASSWORD_HASH)
			.bind("role", role)
			.map((row) -> row.get("id", UUID.class))
			.one()
			.block(TIMEOUT);
		return new Member(id, email);
	}

	/**
	 * An organisation and two of its members.
	 *
	 * @param id the organisation's id
	 * @param admin its admin
	 * @param coordinator its coordinator
	 */
	public record Tenant(UUID id, Member admin, Member coordinator) {
	}

	/**
	 * A member who signs in with {@code email} and {@link #PASSWORD}.
	 *
	 * @param id the member's id
	 * @param email the member's email
	 */
	public record Member(UUID id, String email) {
	}

}
