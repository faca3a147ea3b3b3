package org.zeitspende.helper;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.dispatch.Channel;

/**
 * What a signed-in helper reads and erases of their own data.
 */
@Repository
class SelfServiceRepository {

	private final DatabaseClient database;

	SelfServiceRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<HelperProfile> profile(UUID id) {
		return Mono
			.zip(helperRow(id), list(id, "helper_place", "place_code"), list(id, "helper_activity", "activity_code"),
					list(id, "helper_language", "language_code"), list(id, "helper_skill", "skill"), consents(id))
			.map((parts) -> parts.getT1()
				.toProfile(parts.getT2(), parts.getT3(), parts.getT4(), parts.getT5(), parts.getT6()));
	}

	Mono<Boolean> pause(UUID id, OffsetDateTime until) {
		return HelperRepository
			.nullable(this.database
				.sql("update helper set paused_until = :until, updated_at = now() where id = :id and erased_at is null")
				.bind("id", id), "until", until, OffsetDateTime.class)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated > 0);
	}

	/**
	 * Every row that belongs to the helper, as stored, for the data export. Secrets
	 * (token hashes) are left out; what they were for is included.
	 * @param id the helper
	 * @return rows by table
	 */
	Mono<Map<String, List<Map<String, Object>>>> export(UUID id) {
		return Mono
			.zip(rows("select * from helper where id = :id", id),
					rows("select place_code from helper_place where helper_id = :id", id),
					rows("select activity_code from helper_activity where helper_id = :id", id),
					rows("select language_code from helper_language where helper_id = :id", id),
					rows("select skill from helper_skill where helper_id = :id", id), rows("""
							select channel, purpose, action, text_version, source, occurred_at
							from consent_event where helper_id = :id order by occurred_at, id""", id), rows("""
							select purpose, attempts, expires_at, used_at, created_at
							from helper_token where helper_id = :id order by created_at""", id))
			.map((parts) -> Map.of("helper", parts.getT1(), "places", parts.getT2(), "activities", parts.getT3(),
					"languages", parts.getT4(), "skills", parts.getT5(), "consentEvents", parts.getT6(), "links",
					parts.getT7()));
	}

	/**
	 * Removes all personal data and keeps the pseudonymous row, so that counts stay
	 * right.
	 * @param id the helper
	 * @return whether there was a helper to erase
	 */
	Mono<Boolean> erase(UUID id) {
		return this.database.sql("""
				update helper set email = null, email_verified_at = null, mobile = null, mobile_verified_at = null,
				    quiet_from = null, quiet_until = null, paused_until = null, erased_at = now(), updated_at = now()
				where id = :id and erased_at is null""")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.filter((updated) -> updated > 0)
			.flatMap((updated) -> deleteAll(id).thenReturn(true))
			.defaultIfEmpty(false);
	}

	private Mono<Void> deleteAll(UUID id) {
		return delete("helper_place", id).then(delete("helper_activity", id))
			.then(delete("helper_language", id))
			.then(delete("helper_skill", id))
			.then(delete("helper_token", id));
	}

	private Mono<Void> delete(String table, UUID id) {
		return this.database.sql("delete from " + table + " where helper_id = :id").bind("id", id).then();
	}

	private Mono<List<Map<String, Object>>> rows(String sql, UUID id) {
		return this.database.sql(sql).bind("id", id).fetch().all().collectList();
	}

	private Mono<HelperRow> helperRow(UUID id) {
		return this.database.sql("select * from helper where id = :id and erased_at is null")
			.bind("id", id)
			.map(HelperRow::of)
			.one();
	}

	private Mono<List<String>> list(UUID id, String table, String column) {
		return this.database
			.sql("select " + column + " as value from " + table + " where helper_id = :id order by " + column)
			.bind("id", id)
			.map((row) -> row.get("value", String.class).strip())
			.all()
			.collectList();
	}

	private Mono<List<HelperProfile.ConsentState>> consents(UUID id) {
		return this.database.sql("""
				select channel, purpose, action, text_version, occurred_at
				from consent_state where helper_id = :id order by channel, purpose""")
			.bind("id", id)
			.map((row) -> new HelperProfile.ConsentState(Channel.valueOf(row.get("channel", String.class)),
					ConsentPurpose.valueOf(row.get("purpose", String.class)), row.get("action", String.class),
					row.get("text_version", String.class), row.get("occurred_at", OffsetDateTime.class)))
			.all()
			.collectList();
	}

	private record HelperRow(UUID id, String email, boolean emailVerified, String mobile, boolean mobileVerified,
			int hoursPerWeek, Commitment commitment, Channel preferredChannel, String messageLanguage,
			int maxAsksPerWeek, LocalTime quietFrom, LocalTime quietUntil, String timeZone, OffsetDateTime pausedUntil,
			OffsetDateTime createdAt) {

		static HelperRow of(Readable row) {
			return new HelperRow(row.get("id", UUID.class), row.get("email", String.class),
					row.get("email_verified_at", OffsetDateTime.class) != null, row.get("mobile", String.class),
					row.get("mobile_verified_at", OffsetDateTime.class) != null,
					row.get("hours_per_week", Integer.class), Commitment.valueOf(row.get("commitment", String.class)),
					Channel.valueOf(row.get("preferred_channel", String.class)),
					row.get("message_language", String.class).strip(), row.get("max_asks_per_week", Integer.class),
					row.get("quiet_from", LocalTime.class), row.get("quiet_until", LocalTime.class),
					row.get("time_zone", String.class), row.get("paused_until", OffsetDateTime.class),
					row.get("created_at", OffsetDateTime.class));
		}

		HelperProfile toProfile(List<String> places, List<String> activities, List<String> languages,
				List<String> skills, List<HelperProfile.ConsentState> consents) {
			HelperRegistration.QuietHours quiet = (this.quietFrom != null)
					? new HelperRegistration.QuietHours(this.quietFrom.toString(), this.quietUntil.toString()) : null;
			return new HelperProfile(this.id, this.email, this.emailVerified, this.mobile, this.mobileVerified, places,
					activities, languages, skills, this.hoursPerWeek, this.commitment, this.preferredChannel,
					this.messageLanguage, this.maxAsksPerWeek, quiet, this.timeZone, this.pausedUntil, consents,
					this.createdAt);
		}

	}

}
