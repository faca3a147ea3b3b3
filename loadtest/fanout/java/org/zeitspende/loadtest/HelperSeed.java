package org.zeitspende.loadtest;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Verified, consenting helpers in bulk, straight in the database: registering 100,000
 * helpers through the API would measure registration, not fan-out. A given share prefers
 * SMS, the others email.
 */
final class HelperSeed {

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final DatabaseClient database;

	HelperSeed(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Inserts the helpers.
	 * @param count how many
	 * @param smsPercent how many of every hundred prefer SMS
	 * @param place the place they all help in
	 * @param activity the activity they all offer
	 */
	void insert(int count, int smsPercent, String place, String activity) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.database.sql("""
				with seeded as (
				    insert into helper (email, email_verified_at, mobile, mobile_verified_at, preferred_channel,
				                        max_asks_per_week, time_zone)
				    select 'helper-' || :run || '-' || n || '@bench.example.org', now(),
				           case when n % 100 < :sms then '+4915' || lpad(n::text, 9, '0') end,
				           case when n % 100 < :sms then now() end,
				           case when n % 100 < :sms then 'SMS' else 'EMAIL' end, 21, 'Europe/Berlin'
				    from generate_series(1, :count) as n
				    returning id, preferred_channel),
				places as (insert into helper_place (helper_id, place_code) select id, :place from seeded),
				activities as (insert into helper_activity (helper_id, activity_code) select id, :activity from seeded),
				granted as (
				    insert into consent_event (helper_id, channel, purpose, action, text_version, source, occurred_at)
				    select id, preferred_channel, 'CALLOUTS', 'GRANTED', '2025-12-01', 'REGISTRATION', now() - interval '1 minute'
				    from seeded)
				insert into consent_event (helper_id, channel, purpose, action, text_version, source)
				select id, preferred_channel, 'CALLOUTS', 'CONFIRMED', '2025-12-01', 'VERIFICATION' from seeded""")
			.bind("run", run)
			.bind("count", count)
			.bind("sms", smsPercent)
			.bind("place", place)
			.bind("activity", activity)
			.then()
			.block(TIMEOUT);
		this.database.sql("analyze").then().block(TIMEOUT);
	}

}
