package org.zeitspende.helper;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.Channel;

/**
 * Helpers' offers for matching, read in one query, so that features that match helpers to
 * engagements need not read the helper tables themselves. Erased helpers have none.
 */
@Service
public class MatchProfiles {

	private static final String COLUMNS = """
			select h.id, h.hours_per_week, h.max_asks_per_week::int as max_asks_per_week,
			       array(select place_code from helper_place where helper_id = h.id order by 1) as places,
			       array(select activity_code from helper_activity where helper_id = h.id order by 1) as activities,
			       array(select skill from helper_skill where helper_id = h.id order by 1) as skills,
			       array(select language_code::text from helper_language where helper_id = h.id order by 1)
			           as languages
			from helper h where h.erased_at is null""";

	private static final String SELECT = COLUMNS + " and h.id = any(:ids)";

	private static final String ACTIVE = COLUMNS + """
			 and (h.paused_until is null or h.paused_until <= now())
			 and (h.email_verified_at is not null or h.mobile_verified_at is not null)
			 and (exists (select 1 from helper_activity a where a.helper_id = h.id and a.activity_code = :activity)
			      or exists (select 1 from helper_place p where p.helper_id = h.id and p.place_code = any(:places)))
			order by h.id limit :limit""";

	private static final String CONSENTING = COLUMNS + " " + """
			and (h.paused_until is null or h.paused_until <= now())
			and case :channel when 'EMAIL' then h.email_verified_at is not null
			                  else h.mobile_verified_at is not null end
			and exists (select 1 from consent_state c where c.helper_id = h.id and c.channel = :channel
			            and c.purpose = :purpose and c.action = 'CONFIRMED')""";

	private final DatabaseClient database;

	MatchProfiles(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * One helper's offer.
	 * @param helperId the helper
	 * @return the offer; empty when the helper is unknown or erased
	 */
	public Mono<MatchProfile> of(UUID helperId) {
		return of(List.of(helperId)).next();
	}

	/**
	 * The offers of many helpers.
	 * @param helperIds the helpers
	 * @return the offers of those that exist and are not erased, in no particular order
	 */
	public Flux<MatchProfile> of(Collection<UUID> helperIds) {
		if (helperIds.isEmpty()) {
			return Flux.empty();
		}
		return this.database.sql(SELECT)
			.bind("ids", helperIds.toArray(UUID[]::new))
			.map(MatchProfiles::matchProfile)
			.all();
	}

	/**
	 * The offers of helpers who may be asked now (a verified channel, not paused) and who
	 * do an activity or go to one of some places.
	 * @param activity the activity's code
	 * @param places codes of the places; none: the activity alone decides
	 * @param limit the most offers read
	 * @return the offers, in no particular order
	 */
	public Flux<MatchProfile> active(String activity, Collection<String> places, int limit) {
		return this.database.sql(ACTIVE)
			.bind("activity", activity)
			.bind("places", places.toArray(String[]::new))
			.bind("limit", limit)
			.map(MatchProfiles::matchProfile)
			.all();
	}

	/**
	 * The offers of helpers who may be contacted now on a channel for a purpose: a
	 * verified address on it, confirmed consent, not paused.
	 * @param channel the channel
	 * @param purpose what the messages are for
	 * @return the offers, in no particular order
	 */
	public Flux<MatchProfile> consenting(Channel channel, ConsentPurpose purpose) {
		return this.database.sql(CONSENTING + " order by h.id")
			.bind("channel", channel.name())
			.bind("purpose", purpose.name())
			.map(MatchProfiles::matchProfile)
			.all();
	}

	/**
	 * One helper's offer, if the helper may still be contacted now on a channel for a
	 * purpose, judged as {@link #consenting(Channel, ConsentPurpose)} does: for senders
	 * that check again right before they send.
	 * @param helperId the helper
	 * @param channel the channel
	 * @param purpose what the message is for
	 * @return the offer; empty when the helper is erased, paused, without a verified
	 * address on the channel or without confirmed consent
	 */
	public Mono<MatchProfile> consenting(UUID helperId, Channel channel, ConsentPurpose purpose) {
		return this.database.sql(CONSENTING + " and h.id = :id")
			.bind("id", helperId)
			.bind("channel", channel.name())
			.bind("purpose", purpose.name())
			.map(MatchProfiles::matchProfile)
			.one();
	}

	private static MatchProfile matchProfile(Readable row) {
		return new MatchProfile(row.get("id", UUID.class), row.get("hours_per_week", Short.class), list(row, "places"),
				list(row, "activities"), list(row, "skills"), list(row, "languages"),
				row.get("max_asks_per_week", Integer.class));
	}

	private static List<String> list(Readable row, String column) {
		String[] values = row.get(column, String[].class);
		return (values != null) ? Arrays.asList(values) : List.of();
	}

}
