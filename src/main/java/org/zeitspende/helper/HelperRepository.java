package org.zeitspende.helper;

import java.time.LocalTime;
import java.util.Collection;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.zeitspende.dispatch.Channel;

/**
 * Helpers, their profile lists and the consent ledger in PostgreSQL. Callers provide the
 * transaction.
 */
@Repository
class HelperRepository {

	private static final String CONTACT_COLUMNS = """
			id, email, email_verified_at is not null as email_verified, mobile,
			mobile_verified_at is not null as mobile_verified, message_language""";

	private final DatabaseClient database;

	HelperRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<UUID> insert(NewHelper helper) {
		ProfileChoices choices = helper.choices();
		GenericExecuteSpec insert = this.database.sql("""
				insert into helper (email, mobile, preferred_channel, message_language, hours_per_week, commitment,
				                    max_asks_per_week, quiet_from, quiet_until, time_zone)
				values (:email, :mobile, :preferredChannel, :messageLanguage, :hoursPerWeek, :commitment,
				        :maxAsksPerWeek, :quietFrom, :quietUntil, :timeZone)
				returning id""")
			.bind("preferredChannel", choices.preferredChannel().name())
			.bind("messageLanguage", choices.messageLanguage())
			.bind("hoursPerWeek", choices.hoursPerWeek())
			.bind("commitment", choices.commitment().name())
			.bind("maxAsksPerWeek", choices.maxAsksPerWeek())
			.bind("timeZone", choices.timeZone());
		insert = nullable(insert, "email", helper.email(), String.class);
		insert = nullable(insert, "mobile", helper.mobile(), String.class);
		insert = nullable(insert, "quietFrom", choices.quietFrom(), LocalTime.class);
		insert = nullable(insert, "quietUntil", choices.quietUntil(), LocalTime.class);
		return insert.map((row) -> row.get("id", UUID.class))
			.one()
			.flatMap((id) -> replaceProfileLists(id, choices).then(recordConsents(id, helper)).thenReturn(id));
	}

	Mono<Void> updateChoices(UUID id, ProfileChoices choices) {
		GenericExecuteSpec update = this.database.sql("""
				update helper set preferred_channel = :preferredChannel, message_language = :messageLanguage,
				    hours_per_week = :hoursPerWeek, commitment = :commitment, max_asks_per_week = :maxAsksPerWeek,
				    quiet_from = :quietFrom, quiet_until = :quietUntil, time_zone = :timeZone, updated_at = now()
				where id = :id and erased_at is null""")
			.bind("id", id)
			.bind("preferredChannel", choices.preferredChannel().name())
			.bind("messageLanguage", choices.messageLanguage())
			.bind("hoursPerWeek", choices.hoursPerWeek())
			.bind("commitment", choices.commitment().name())
			.bind("maxAsksPerWeek", choices.maxAsksPerWeek())
			.bind("timeZone", choices.timeZone());
		update = nullable(update, "quietFrom", choices.quietFrom(), LocalTime.class);
		update = nullable(update, "quietUntil", choices.quietUntil(), LocalTime.class);
		return update.then().then(replaceProfileLists(id, choices));
	}

	private Mono<Void> replaceProfileLists(UUID id, ProfileChoices choices) {
		return replaceList(id, "helper_place", "place_code", "text", choices.places())
			.then(replaceList(id, "helper_activity", "activity_code", "text", choices.activities()))
			.then(replaceList(id, "helper_language", "language_code", "char(2)", choices.languages()))
			.then(replaceList(id, "helper_skill", "skill", "text", choices.skills()));
	}

	Mono<HelperContact> findByEmail(String email) {
		return findContact("email = :value", email);
	}

	Mono<HelperContact> findByMobile(String mobile) {
		return findContact("mobile = :value", mobile);
	}

	Mono<HelperContact> findById(UUID id) {
		return findContact("id = :value", id);
	}

	Flux<HelperContact> findAllById(Collection<UUID> ids) {
		return this.database
			.sql("select " + CONTACT_COLUMNS + " from helper where erased_at is null and id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(HelperRepository::contact)
			.all();
	}

	/**
	 * Marks a channel verified and confirms the consents given for it.
	 * @param id the helper
	 * @param channel the channel
	 * @return whether the helper still has that channel
	 */
	Mono<Boolean> markVerified(UUID id, Channel channel) {
		String column = (channel == Channel.EMAIL) ? "email" : "mobile";
		return this.database
			.sql("update helper set " + column + "_verified_at = coalesce(" + column
					+ "_verified_at, now()), updated_at = now() where id = :id and erased_at is null and " + column
					+ " is not null")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.flatMap((updated) -> (updated == 0) ? Mono.just(false) : confirmConsents(id, channel).thenReturn(true));
	}

	Mono<Long> unverifyMobile(UUID id, String mobile) {
		return this.database.sql("""
				update helper set mobile_verified_at = null, updated_at = now()
				where id = :id and mobile = :mobile and mobile_verified_at is not null
				  and email_verified_at is not null""").bind("id", id).bind("mobile", mobile).fetch().rowsUpdated();
	}

	Mono<Void> appendConsent(UUID id, Channel channel, ConsentPurpose purpose, String action, String textVersion,
			String source) {
		return this.database.sql("""
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				values (:id, :channel, :purpose, :action, :version, :source)""")
			.bind("id", id)
			.bind("channel", channel.name())
			.bind("purpose", purpose.name())
			.bind("action", action)
			.bind("version", textVersion)
			.bind("source", source)
			.then();
	}

	/**
	 * The latest action on one consent.
	 * @param id the helper
	 * @param channel the channel
	 * @param purpose the purpose
	 * @return {@code GRANTED}, {@code CONFIRMED} or {@code WITHDRAWN}; empty when never
	 * given
	 */
	Mono<String> consentAction(UUID id, Channel channel, ConsentPurpose purpose) {
		return this.database
			.sql("select action from consent_state where helper_id = :id and channel = :channel and purpose = :purpose")
			.bind("id", id)
			.bind("channel", channel.name())
			.bind("purpose", purpose.name())
			.map((row) -> row.get("action", String.class))
			.one();
	}

	/**
	 * Withdraws every consent in force on the given channels.
	 * @param id the helper
	 * @param channels the channels
	 * @param source why
	 * @return how many consents were withdrawn
	 */
	Mono<Long> withdrawConsents(UUID id, Collection<Channel> channels, String source) {
		return this.database.sql("""
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				select helper_id, channel, purpose, 'WITHDRAWN', text_version, :source
				from consent_state where helper_id = :id and channel = any(:channels) and action <> 'WITHDRAWN'""")
			.bind("id", id)
			.bind("channels", channels.stream().map(Enum::name).toArray(String[]::new))
			.bind("source", source)
			.fetch()
			.rowsUpdated();
	}

	private Mono<Void> confirmConsents(UUID id, Channel channel) {
		return this.database.sql("""
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				select helper_id, channel, purpose, 'CONFIRMED', text_version, 'VERIFICATION'
				from consent_state where helper_id = :id and channel = :channel and action = 'GRANTED'""")
			.bind("id", id)
			.bind("channel", channel.name())
			.then();
	}

	private Mono<Void> recordConsents(UUID id, NewHelper helper) {
		return this.database.sql("""
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				select :id, channel, purpose, 'GRANTED', :version, 'REGISTRATION'
				from unnest(:channels::text[]) channel, unnest(:purposes::text[]) purpose""")
			.bind("id", id)
			.bind("version", helper.consentTextVersion())
			.bind("channels", helper.channels().stream().map(Enum::name).toArray(String[]::new))
			.bind("purposes", helper.consents().stream().map(Enum::name).sorted().toArray(String[]::new))
			.then();
	}

	private Mono<Void> replaceList(UUID id, String table, String column, String type, Collection<String> values) {
		Mono<Void> delete = this.database.sql("delete from " + table + " where helper_id = :id").bind("id", id).then();
		if (values.isEmpty()) {
			return delete;
		}
		return delete.then(this.database
			.sql("insert into " + table + " (helper_id, " + column + ") select :id, unnest(:values::" + type + "[])")
			.bind("id", id)
			.bind("values", values.toArray(String[]::new))
			.then());
	}

	private Mono<HelperContact> findContact(String condition, Object value) {
		return this.database.sql("select " + CONTACT_COLUMNS + " from helper where erased_at is null and " + condition)
			.bind("value", value)
			.map(HelperRepository::contact)
			.one();
	}

	private static HelperContact contact(Readable row) {
		return new HelperContact(row.get("id", UUID.class), row.get("email", String.class),
				Boolean.TRUE.equals(row.get("email_verified", Boolean.class)), row.get("mobile", String.class),
				Boolean.TRUE.equals(row.get("mobile_verified", Boolean.class)),
				row.get("message_language", String.class).strip());
	}

	static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

}
