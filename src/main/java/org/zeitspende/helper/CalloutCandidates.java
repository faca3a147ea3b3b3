package org.zeitspende.helper;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.Channel;

/**
 * The helpers who may be asked for a callout: their profile matches the place and the
 * activity (and every required language and skill), they are neither erased nor paused,
 * they have an ask budget, and at least one of their channels is verified and has their
 * confirmed consent to callouts.
 * <p>
 * Not decided here: whom a callout asked already and how many asks a helper got this
 * week. Asks are counted where they are recorded; this service only drops helpers whose
 * budget is zero. Quiet hours do not exclude anyone either: each candidate carries them,
 * so that the sender can hold back an SMS.
 */
@Service
public class CalloutCandidates {

	private final DatabaseClient database;

	CalloutCandidates(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Every helper who matches, in no particular order.
	 * @param criteria what the callout needs
	 * @return the candidates
	 */
	public Flux<Candidate> find(CandidateCriteria criteria) {
		// Place, activity and the helper's own columns first, apart: with the per-helper
		// subqueries in the same step the planner expects a single helper and joins in
		// nested loops (14 s for 10,000 candidates). The latest consent event is read
		// through the index rather than the consent_state view.
		return this.database
			.sql("""
					with located as materialized (
					    select p.helper_id from helper_place p
					    where p.place_code in (select code from place where code = :place
					                           union select parent_code from place where code = :place)
					    intersect
					    select a.helper_id from helper_activity a where a.activity_code = :activity),
					askable as materialized (
					    select h.* from located join helper h on h.id = located.helper_id
					    where h.erased_at is null
					      and (h.paused_until is null or h.paused_until <= :at)
					      and h.max_asks_per_week > 0)
					select id, preferred_channel, message_language, max_asks_per_week::int as max_asks, quiet_from, quiet_until, time_zone,
					       email_reachable, sms_reachable
					from (
					    select h.*,
					           h.email is not null and h.email_verified_at is not null and (
					               select e.action from consent_event e where e.helper_id = h.id and e.channel = 'EMAIL'
					               and e.purpose = 'CALLOUTS' order by e.occurred_at desc, e.id desc limit 1) = 'CONFIRMED'
					               as email_reachable,
					           h.mobile is not null and h.mobile_verified_at is not null and (
					               select e.action from consent_event e where e.helper_id = h.id and e.channel = 'SMS'
					               and e.purpose = 'CALLOUTS' order by e.occurred_at desc, e.id desc limit 1) = 'CONFIRMED'
					               as sms_reachable
					    from askable h
					    where (select count(*) from helper_language l where l.helper_id = h.id
					           and l.language_code::text = any(:languages::text[])) = cardinality(:languages::text[])
					      and (select count(*) from helper_skill s where s.helper_id = h.id
					           and s.skill = any(:skills::text[])) = cardinality(:skills::text[])
					) matching
					where email_reachable or sms_reachable""")
			.bind("place", criteria.place())
			.bind("activity", criteria.activity())
			.bind("languages", criteria.languages().toArray(String[]::new))
			.bind("skills", criteria.skills().toArray(String[]::new))
			.bind("at", OffsetDateTime.ofInstant(criteria.at(), ZoneOffset.UTC))
			.map(CalloutCandidates::candidate)
			.all();
	}

	private static Candidate candidate(Readable row) {
		boolean email = Boolean.TRUE.equals(row.get("email_reachable", Boolean.class));
		boolean sms = Boolean.TRUE.equals(row.get("sms_reachable", Boolean.class));
		Channel preferred = Channel.valueOf(row.get("preferred_channel", String.class));
		Channel channel = switch (preferred) {
			case EMAIL -> email ? Channel.EMAIL : Channel.SMS;
			case SMS -> sms ? Channel.SMS : Channel.EMAIL;
		};
		LocalTime from = row.get("quiet_from", LocalTime.class);
		LocalTime until = row.get("quiet_until", LocalTime.class);
		Optional<QuietHours> quiet = (from != null && until != null)
				? Optional.of(new QuietHours(from, until, ZoneId.of(row.get("time_zone", String.class))))
				: Optional.empty();
		return new Candidate(row.get("id", UUID.class), channel, row.get("message_language", String.class).strip(),
				row.get("max_asks", Integer.class), quiet);
	}

}
