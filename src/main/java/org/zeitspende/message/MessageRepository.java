package org.zeitspende.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Threads and messages in PostgreSQL. Every read names the organisation or the helper
 * asking, so that a thread of others is not found.
 */
@Repository
class MessageRepository {

	private static final String THREAD = """
			select t.id, t.subject, t.started_by, t.helper_id, t.created_at, t.last_message_at,
			       array(select organisation_id from message_thread_organisation
			             where thread_id = t.id order by organisation_id = t.started_by desc, organisation_id)
			           as organisations
			from message_thread t""";

	private static final String OF_ORGANISATION = " where exists (select 1 from message_thread_organisation o"
			+ " where o.thread_id = t.id and o.organisation_id = :organisation)";

	private final DatabaseClient database;

	MessageRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A new thread, seen by the organisations given (the starting one among them).
	 * @return the thread's id
	 */
	Mono<UUID> insertThread(String subject, UUID startedBy, UUID helperId, List<UUID> organisationIds) {
		return this.database.sql("""
				with thread as (
				    insert into message_thread (subject, started_by, helper_id) values (:subject, :startedBy, :helper)
				    returning id),
				participants as (
				    insert into message_thread_organisation (thread_id, organisation_id)
				    select thread.id, unnest(:organisations::uuid[]) from thread)
				select id from thread""")
			.bind("subject", subject)
			.bind("startedBy", startedBy)
			.bind("helper", Parameter.fromOrEmpty(helperId, UUID.class))
			.bind("organisations", organisationIds.toArray(UUID[]::new))
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	/**
	 * A message, with its email to the thread's helper when a member wrote it.
	 * @param organisationId the writing member's organisation, {@code null} for the
	 * thread's helper
	 * @param memberId the writing member, {@code null} for the thread's helper
	 * @return the message's id
	 */
	Mono<UUID> insertMessage(UUID threadId, UUID organisationId, UUID memberId, String text) {
		return this.database.sql("""
				with message as (
				    insert into message (thread_id, organisation_id, member_id, text)
				    values (:thread, :organisation, :member, :text)
				    returning id, thread_id, organisation_id, created_at),
				activity as (
				    update message_thread t set last_message_at = message.created_at from message
				    where t.id = message.thread_id),
				email as (
				    insert into message_email (message_id, helper_id)
				    select message.id, t.helper_id from message join message_thread t on t.id = message.thread_id
				    where t.helper_id is not null and message.organisation_id is not null)
				select id from message""")
			.bind("thread", threadId)
			.bind("organisation", Parameter.fromOrEmpty(organisationId, UUID.class))
			.bind("member", Parameter.fromOrEmpty(memberId, UUID.class))
			.bind("text", text)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<ThreadRow> findForOrganisation(UUID organisationId, UUID threadId) {
		return this.database.sql(THREAD + OF_ORGANISATION + " and t.id = :id")
			.bind("organisation", organisationId)
			.bind("id", threadId)
			.map(MessageRepository::thread)
			.one();
	}

	Mono<ThreadRow> findForHelper(UUID helperId, UUID threadId) {
		return this.database.sql(THREAD + " where t.helper_id = :helper and t.id = :id")
			.bind("helper", helperId)
			.bind("id", threadId)
			.map(MessageRepository::thread)
			.one();
	}

	Flux<ThreadRow> findByOrganisation(UUID organisationId, int limit, int offset) {
		return this.database
			.sql(THREAD + OF_ORGANISATION + " order by t.last_message_at desc, t.id limit :limit offset :offset")
			.bind("organisation", organisationId)
			.bind("limit", limit)
			.bind("offset", offset)
			.map(MessageRepository::thread)
			.all();
	}

	Flux<ThreadRow> findByHelper(UUID helperId, int limit, int offset) {
		return this.database
			.sql(THREAD + " where t.helper_id = :helper order by t.last_message_at desc, t.id"
					+ " limit :limit offset :offset")
			.bind("helper", helperId)
			.bind("limit", limit)
			.bind("offset", offset)
			.map(MessageRepository::thread)
			.all();
	}

	Flux<MessageRow> findMessages(UUID threadId) {
		return this.database
			.sql("select id, thread_id, organisation_id, text, created_at from message where thread_id = :thread"
					+ " order by created_at, id")
			.bind("thread", threadId)
			.map(MessageRepository::message)
			.all();
	}

	Mono<MessageRow> findMessage(UUID messageId) {
		return this.database.sql("select id, thread_id, organisation_id, text, created_at from message where id = :id")
			.bind("id", messageId)
			.map(MessageRepository::message)
			.one();
	}

	private static ThreadRow thread(Readable row) {
		return new ThreadRow(row.get("id", UUID.class), row.get("subject", String.class),
				row.get("started_by", UUID.class), row.get("helper_id", UUID.class),
				Arrays.asList(row.get("organisations", UUID[].class)), instant(row, "created_at"),
				instant(row, "last_message_at"));
	}

	private static MessageRow message(Readable row) {
		return new MessageRow(row.get("id", UUID.class), row.get("thread_id", UUID.class),
				row.get("organisation_id", UUID.class), row.get("text", String.class), instant(row, "created_at"));
	}

	private static Instant instant(Readable row, String column) {
		return row.get(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * A thread as stored.
	 *
	 * @param id the thread
	 * @param subject what it is about
	 * @param startedBy the organisation that started it
	 * @param helperId its helper, {@code null} between organisations
	 * @param organisationIds the organisations that see it, the starting one first
	 * @param createdAt when it was started
	 * @param lastMessageAt when the latest message was written
	 */
	record ThreadRow(UUID id, String subject, UUID startedBy, UUID helperId, List<UUID> organisationIds,
			Instant createdAt, Instant lastMessageAt) {
	}

	/**
	 * A message as stored.
	 *
	 * @param id the message
	 * @param threadId its thread
	 * @param organisationId the writing member's organisation, {@code null} for the
	 * helper
	 * @param text the text
	 * @param createdAt when it was written
	 */
	record MessageRow(UUID id, UUID threadId, UUID organisationId, String text, Instant createdAt) {
	}

	/**
	 * The helper's threads, oldest first, for the helper's data export.
	 */
	Mono<List<Map<String, Object>>> threadsExportOf(UUID helperId) {
		return this.database.sql("""
				select id, subject, started_by as organisation_id, created_at, last_message_at
				from message_thread where helper_id = :helper order by created_at, id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/**
	 * Every message in the helper's threads, the helper's own and the organisation's,
	 * with how its email went, oldest first, for the helper's data export. Which member
	 * of the organisation wrote a message is theirs, not the helper's, and left out.
	 */
	Mono<List<Map<String, Object>>> messagesExportOf(UUID helperId) {
		return this.database.sql("""
				select m.id, m.thread_id, case when m.organisation_id is null then 'HELPER' else 'ORGANISATION' end
				       as written_by, m.organisation_id, m.text, m.created_at, e.status as email_status
				from message m join message_thread t on t.id = m.thread_id
				left join message_email e on e.message_id = m.id
				where t.helper_id = :helper order by m.created_at, m.id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/**
	 * Deletes the helper's threads with every message in them and their emails; threads
	 * between organisations have no helper and stay.
	 */
	Mono<Void> eraseOf(UUID helperId) {
		return this.database.sql("delete from message_thread where helper_id = :helper")
			.bind("helper", helperId)
			.then();
	}

}
