package org.zeitspende.ask;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.dispatch.Channel;

/**
 * The notice outbox in PostgreSQL, claimed and moved on like the asks: every status
 * change names the status it may leave.
 */
@Repository
class NoticeRepository {

	private final DatabaseClient database;

	NoticeRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A cancellation notice for every helper whose ask went out, on the channel of the
	 * ask. Asks not sent yet are skipped by the relay and need no notice.
	 */
	Mono<Long> insertCancelled(UUID calloutId, Instant at) {
		return this.database.sql("""
				insert into notice (callout_id, audience, recipient_id, kind, occurred_at, channel)
				select callout_id, 'HELPER', helper_id, 'CALLOUT_CANCELLED', :at, channel from ask
				where callout_id = :callout and status in ('SENT', 'DELIVERED', 'UNKNOWN')
				on conflict (callout_id, recipient_id, kind, occurred_at) do nothing""")
			.bind("callout", calloutId)
			.bind("at", utc(at))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * A "no longer needed" notice for every helper whose ask went out and who has not
	 * answered, if the organiser chose so for the callout.
	 */
	Mono<Long> insertNoLongerNeeded(UUID calloutId, Instant at) {
		return this.database
			.sql("""
					insert into notice (callout_id, audience, recipient_id, kind, occurred_at, channel)
					select ask.callout_id, 'HELPER', ask.helper_id, 'NO_LONGER_NEEDED', :at, ask.channel
					from ask join callout on callout.id = ask.callout_id
					where ask.callout_id = :callout and ask.status in ('SENT', 'DELIVERED', 'UNKNOWN')
					  and callout.notify_when_filled
					  and not exists (select 1 from confirmation
					                  where confirmation.callout_id = ask.callout_id and confirmation.helper_id = ask.helper_id)
					on conflict (callout_id, recipient_id, kind, occurred_at) do nothing""")
			.bind("callout", calloutId)
			.bind("at", utc(at))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Why a stand-down ("no longer needed") would tell its helper nothing new, if it
	 * would: the helper answered the callout or joined its standby list since it filled,
	 * or another stand-down of the callout told the helper already (the callout filled
	 * before, a withdrawal opened a place, and it filled again) or will (a later fill's).
	 * @param noticeId the stand-down
	 * @return the reason, empty when it is still news
	 */
	Mono<String> standDownNeedless(UUID noticeId) {
		return this.database.sql("""
				select case
				    when exists (select 1 from confirmation c
				                 where c.callout_id = n.callout_id and c.helper_id = n.recipient_id)
				      or exists (select 1 from standby s
				                 where s.callout_id = n.callout_id and s.helper_id = n.recipient_id)
				    then 'answered or on standby since the callout filled'
				    when exists (select 1 from notice o
				                 where o.callout_id = n.callout_id and o.recipient_id = n.recipient_id
				                   and o.kind = n.kind and o.id <> n.id
				                   and (o.status in ('SENT', 'UNKNOWN') or o.occurred_at > n.occurred_at))
				    then 'told by the stand-down of another fill'
				end
				from notice n where n.id = :id""")
			.bind("id", noticeId)
			.map((row) -> Optional.ofNullable(row.get(0, String.class)))
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * The channel a helper was asked on for a callout.
	 */
	Mono<Channel> askChannel(UUID calloutId, UUID helperId) {
		return this.database.sql("select channel from ask where callout_id = :callout and helper_id = :helper")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.map((row) -> Channel.valueOf(row.get("channel", String.class)))
			.one();
	}

	/** A "place free" notice to one helper on standby, on the channel of the ask. */
	Mono<Long> insertSlotFree(UUID calloutId, UUID helperId, Channel channel, Instant at) {
		return this.database.sql("""
				insert into notice (callout_id, audience, recipient_id, kind, occurred_at, channel)
				values (:callout, 'HELPER', :helper, 'SLOT_FREE', :at, :channel)
				on conflict (callout_id, recipient_id, kind, occurred_at) do nothing""")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.bind("at", utc(at))
			.bind("channel", channel.name())
			.fetch()
			.rowsUpdated();
	}

	/** An email to the member who created the callout. */
	Mono<Long> insertForOrganiser(UUID calloutId, NoticeKind kind, Instant at) {
		return this.database.sql("""
				insert into notice (callout_id, audience, recipient_id, kind, occurred_at, channel)
				select id, 'ORGANISER', created_by, :kind, :at, 'EMAIL' from callout where id = :callout
				on conflict (callout_id, recipient_id, kind, occurred_at) do nothing""")
			.bind("callout", calloutId)
			.bind("kind", kind.name())
			.bind("at", utc(at))
			.fetch()
			.rowsUpdated();
	}

	Flux<ClaimedNotice> claimDue(Instant now, int batchSize) {
		return this.database.sql("""
				update notice set status = 'SENDING', attempts = attempts + 1, updated_at = :now
				where id in (
				    select id from notice
				    where status = 'PENDING' and next_attempt_at <= :now
				    order by next_attempt_at
				    limit :batch
				    for update skip locked)
				returning id, callout_id, audience, recipient_id, kind, channel, attempts""")
			.bind("now", utc(now))
			.bind("batch", batchSize)
			.map((row) -> new ClaimedNotice(row.get("id", UUID.class), row.get("callout_id", UUID.class),
					"ORGANISER".equals(row.get("audience", String.class)), row.get("recipient_id", UUID.class),
					NoticeKind.valueOf(row.get("kind", String.class)),
					Channel.valueOf(row.get("channel", String.class)), row.get("attempts", Integer.class)))
			.all();
	}

	Mono<Long> abandonClaimedBefore(Instant cutOff) {
		return this.database.sql("""
				update notice set status = 'UNKNOWN', last_error = 'claim abandoned', updated_at = now()
				where status = 'SENDING' and updated_at < :cutOff""").bind("cutOff", utc(cutOff)).fetch().rowsUpdated();
	}

	Mono<Long> sent(UUID id, String providerId) {
		return this.database.sql("""
				update notice set status = 'SENT', provider_id = :providerId, last_error = null, updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("providerId", providerId)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> end(UUID id, AskStatus status, String error) {
		return this.database.sql("""
				update notice set status = :status, last_error = :error, updated_at = now()
				where id = :id and status = 'SENDING'""")
			.bind("id", id)
			.bind("status", status.name())
			.bind("error", truncated(error))
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> retryAt(UUID id, Instant due, String error) {
		return this.database.sql("""
				update notice set status = 'PENDING', next_attempt_at = :due, last_error = :error, updated_at = now()
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
	 * A notice a relay claimed for sending.
	 *
	 * @param id the notice, also the message's reference after {@code notice-}
	 * @param calloutId the callout it is about
	 * @param toOrganiser whether it goes to the member who created the callout rather
	 * than to a helper
	 * @param recipientId the helper or member
	 * @param kind what happened
	 * @param channel how
	 * @param attempts attempts including this one
	 */
	record ClaimedNotice(UUID id, UUID calloutId, boolean toOrganiser, UUID recipientId, NoticeKind kind,
			Channel channel, int attempts) {
	}

	/**
	 * The notices to the helper, oldest first, for the helper's data export.
	 */
	Mono<List<Map<String, Object>>> exportOf(UUID helperId) {
		return this.database.sql("""
				select callout_id, kind, channel, status, occurred_at, created_at from notice
				where audience = 'HELPER' and recipient_id = :helper order by created_at, id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

	/** Deletes the notices to the helper: nothing counts them, and none is to be sent. */
	Mono<Void> eraseOf(UUID helperId) {
		return this.database.sql("delete from notice where audience = 'HELPER' and recipient_id = :helper")
			.bind("helper", helperId)
			.then();
	}

}
