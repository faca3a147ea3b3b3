package org.zeitspende.loadtest;

import java.time.Duration;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.awaitility.Awaitility.await;

/**
 * Watches one callout's asks until none is left to send.
 */
final class FanOut {

	private final DatabaseClient database;

	private final UUID calloutId;

	FanOut(DatabaseClient database, UUID calloutId) {
		this.database = database;
		this.calloutId = calloutId;
	}

	/**
	 * Waits until the callout has the expected number of asks and none of them is still
	 * pending or being sent.
	 * @return how many were sent, by channel
	 */
	Result awaitAllSent(int expected, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
			Result now = counts();
			return now.total() >= expected && now.unsent() == 0;
		});
		return counts();
	}

	/**
	 * How the callout's asks stand now.
	 * @return how many were sent, by channel, and how many are still to send
	 */
	Result counts() {
		return this.database.sql("""
				select count(*) as total,
				       count(*) filter (where status in ('PENDING', 'SENDING')) as unsent,
				       count(*) filter (where status = 'SENT' and channel = 'SMS') as sms,
				       count(*) filter (where status = 'SENT' and channel = 'EMAIL') as email
				from ask where callout_id = :callout""")
			.bind("callout", this.calloutId)
			.map((row) -> new Result(row.get("total", Long.class), row.get("unsent", Long.class),
					row.get("sms", Long.class), row.get("email", Long.class)))
			.one()
			.block(Duration.ofSeconds(30));
	}

	record Result(long total, long unsent, long sms, long email) {

		long sent() {
			return this.sms + this.email;
		}

	}

}
