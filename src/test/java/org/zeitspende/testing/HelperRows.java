package org.zeitspende.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

/**
 * Creates helpers straight in the database, each with fresh contact data. By default a
 * helper has a verified email with confirmed consent to callouts; each setter changes one
 * thing, so that a test can build helpers that differ in exactly one attribute.
 */
public final class HelperRows {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DatabaseClient database;

	public HelperRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A helper's email address, as stored.
	 * @param helperId the helper
	 * @return the address
	 */
	public String email(UUID helperId) {
		return this.database.sql("select email from helper where id = :id")
			.bind("id", helperId)
			.map((row) -> row.get("email", String.class))
			.one()
			.block(TIMEOUT);
	}

	/**
	 * A helper for the given place and activity, reachable by email.
	 * @param place a place code
	 * @param activity an activity code
	 * @return a builder
	 */
	public Builder helper(String place, String activity) {
		return new Builder(place, activity);
	}

	/**
	 * One helper, changed at will before it is inserted.
	 */
	public final class Builder {

		private final List<String> places = new ArrayList<>();

		private final List<String> activities = new ArrayList<>();

		private final List<String> languages = new ArrayList<>(List.of("de"));

		private final List<String> skills = new ArrayList<>();

		private boolean email = true;

		private boolean emailVerified = true;

		private String emailConsent = "CONFIRMED";

		private boolean mobile;

		private boolean mobileVerified;

		private String smsConsent;

		private String preferredChannel = "EMAIL";

		private Instant pausedUntil;

		private boolean erased;

		private int maxAsksPerWeek = 2;

		private int hoursPerWeek = 2;

		private LocalTime quietFrom;

		private LocalTime quietUntil;

		private String timeZone = "Europe/Berlin";

		private String messageLanguage = "de";

		private Builder(String place, String activity) {
			this.places.add(place);
			this.activities.add(activity);
		}

		public Builder places(String... places) {
			this.places.clear();
			this.places.addAll(List.of(places));
			return this;
		}

		public Builder activities(String... activities) {
			this.activities.clear();
			this.activities.addAll(List.of(activities));
			return this;
		}

		public Builder languages(String... languages) {
			this.languages.clear();
			this.languages.addAll(List.of(languages));
			return this;
		}

		public Builder skills(String... skills) {
			this.skills.clear();
			this.skills.addAll(List.of(skills));
			return this;
		}

		/** The email address is not verified (its consent stays granted only). */
		public Builder emailUnverified() {
			this.emailVerified = false;
			this.emailConsent = "GRANTED";
			return this;
		}

		/** Consent to callouts by email was confirmed and then withdrawn. */
		public Builder emailConsentWithdrawn() {
			this.emailConsent = "WITHDRAWN";
			return this;
		}

		/** No email address at all. */
		public Builder withoutEmail() {
			this.email = false;
			this.emailConsent = null;
			return this;
		}

		/** A verified mobile number with confirmed consent to callouts by SMS. */
		public Builder mobile() {
			this.mobile = true;
			this.mobileVerified = true;
			this.smsConsent = "CONFIRMED";
			return this;
		}

		/** A mobile number that is not verified. */
		public Builder mobileUnverified() {
			this.mobile = true;
			this.mobileVerified = false;
			this.smsConsent = "GRANTED";
			return this;
		}

		/** The language of messages to the helper, an ISO 639-1 code. */
		public Builder messageLanguage(String language) {
			this.messageLanguage = language;
			return this;
		}

		public Builder prefers(String channel) {
			this.preferredChannel = channel;
			return this;
		}

		public Builder pausedUntil(Instant until) {
			this.pausedUntil = until;
			return this;
		}

		public Builder erased() {
			this.erased = true;
			return this;
		}

		public Builder hoursPerWeek(int hours) {
			this.hoursPerWeek = hours;
			return this;
		}

		public Builder maxAsksPerWeek(int max) {
			this.maxAsksPerWeek = max;
			return this;
		}

		public Builder quietHours(String from, String until, String timeZone) {
			this.quietFrom = LocalTime.parse(from);
			this.quietUntil = LocalTime.parse(until);
			this.timeZone = timeZone;
			return this;
		}

		/**
		 * Inserts the helper with its profile lists and consent events.
		 * @return the helper's id
		 */
		public UUID insert() {
			String unique = UUID.randomUUID().toString();
			String address = this.email ? "helper-" + unique + "@test.example.org" : null;
			String number = this.mobile ? "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999))
					: null;
			UUID id = HelperRows.this.database.sql("""
					insert into helper (email, email_verified_at, mobile, mobile_verified_at, preferred_channel,
					                    max_asks_per_week, quiet_from, quiet_until, time_zone, paused_until, erased_at,
					                    message_language, hours_per_week)
					values (:email, case when :emailVerified then now() end, :mobile,
					        case when :mobileVerified then now() end, :preferred, :maxAsks, :quietFrom, :quietUntil,
					        :timeZone, :pausedUntil, case when :erased then now() end, :messageLanguage, :hours)
					returning id""")
				.bind("email", Parameter.fromOrEmpty(address, String.class))
				.bind("emailVerified", this.email && this.emailVerified)
				.bind("mobile", Parameter.fromOrEmpty(number, String.class))
				.bind("mobileVerified", this.mobile && this.mobileVerified)
				.bind("preferred", this.preferredChannel)
				.bind("maxAsks", (short) this.maxAsksPerWeek)
				.bind("quietFrom", Parameter.fromOrEmpty(this.quietFrom, LocalTime.class))
				.bind("quietUntil", Parameter.fromOrEmpty(this.quietUntil, LocalTime.class))
				.bind("timeZone", this.timeZone)
				.bind("pausedUntil", Parameter.fromOrEmpty(
						(this.pausedUntil != null) ? OffsetDateTime.ofInstant(this.pausedUntil, ZoneOffset.UTC) : null,
						OffsetDateTime.class))
				.bind("erased", this.erased)
				.bind("messageLanguage", this.messageLanguage)
				.bind("hours", (short) this.hoursPerWeek)
				.map((row) -> row.get("id", UUID.class))
				.one()
				.block(TIMEOUT);
			list(id, "helper_place", "place_code", "text", this.places);
			list(id, "helper_activity", "activity_code", "text", this.activities);
			list(id, "helper_language", "language_code", "char(2)", this.languages);
			list(id, "helper_skill", "skill", "text", this.skills);
			consent(id, "EMAIL", this.emailConsent);
			consent(id, "SMS", this.smsConsent);
			return id;
		}

		private void list(UUID id, String table, String column, String type, List<String> values) {
			HelperRows.this.database
				.sql("insert into " + table + " (helper_id, " + column + ") select :id, unnest(:values::" + type
						+ "[])")
				.bind("id", id)
				.bind("values", values.toArray(String[]::new))
				.then()
				.block(TIMEOUT);
		}

		// The ledger as registration and verification write it: granted, then confirmed,
		// then possibly withdrawn.
		private void consent(UUID id, String channel, String last) {
			if (last == null) {
				return;
			}
			List<String> actions = switch (last) {
				case "GRANTED" -> List.of("GRANTED");
				case "CONFIRMED" -> List.of("GRANTED", "CONFIRMED");
				default -> List.of("GRANTED", "CONFIRMED", "WITHDRAWN");
			};
			for (String action : actions) {
				HelperRows.this.database.sql("""
						insert into consent_event (helper_id, channel, purpose, action, text_version, source)
						values (:id, :channel, 'CALLOUTS', :action, '2025-12-01', 'REGISTRATION')""")
					.bind("id", id)
					.bind("channel", channel)
					.bind("action", action)
					.then()
					.block(TIMEOUT);
			}
		}

	}

}
