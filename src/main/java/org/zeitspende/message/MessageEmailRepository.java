package org.zeitspende.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The email outbox of messages to helpers, claimed and moved on like the notices: every
 * status change names the status it may leave.
 */
@Repository
class MessageEmailRepository {

	private final DatabaseClient database;

	MessageEmailRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<ClaimedEmail> claimDue(Instant now, int batchSize) {
		return this.database.sql("""
				update message_email e set status = 'SENDING', attempts = e.attempts + 1, updated_at = :now
				from message m join message_thread t on t.id = m.thread_id
				where m.id = e.message_id and e.id in (
				    select id from message_email
				    where status = 'PENDING' and next_attempt_at <= :now
				    order by next_attempt_at
				    limit :batch
				    for update skip locked)
				returning e.id, e.helper_id, m.organisation_id, t.subject, m.text""")
			.bind("now", utc(now))
			.bind("batch", batchSize)
			.map((row) -> new ClaimedEmail(row.get("id", UUID.class), row.get("helper_id", UUID.class),
					row.get("organisation_id", UUID.class), row.get("subject", String.class),
					row.get("text", String.class)))
			.all();
	}

	Mono<Long> abandonClaimedBefore(Instant cutOff) {
		return this.database.sql("""
				update message_email set status = 'UNKNOWN', last_error = 'claim abandoned', updated_at = now()
				where status = 'SENDING' and updated_at < :cutOff""").bind("cutOff", utc(cutOff)).fetch().rowsUpdated();
	}

	Mono<Long> sent(UUID id, String providerId) {
		return this.database.sql("""
				update message_email set status = 'SENT', provider_id = :providerId, last_error = null,
				                         updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("providerId", providerId)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> end(UUID id, String status, String error) {
		return this.database.sql("""
				update message_email set status = :status, last_error = :error, updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("status", status)
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> retryAt(UUID id, Instant due, String error) {
		return this.database.sql("""
				update message_email set status = 'PENDING', next_attempt_at = :due, last_error = :error,
				                         updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("due", utc(due))
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated();
	}

	private static String truncated(String error) {
		return (error.length() > 500) ? error.substring(0, 500) : error;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * An email a relay claimed for sending.
	 *
	 * @param id the email, also the message's reference after {@code message-}
	 * @param helperId the recipient
	 * @param organisationId the organisation whose member wrote the message
	 * @param subject the thread's subject
	 * @param text the message
	 */
	record ClaimedEmail(UUID id, UUID helperId, UUID organisationId, String subject, String text) {
	}

}
