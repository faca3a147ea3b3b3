package org.zeitspende.testing;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.testing.AnswerBurst.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants every concurrency test checks on the final rows of a callout: (a)
 * confirmations never exceed the slots, (b) at most one per helper, (c) every "confirmed"
 * answer has a committed row, (d) none after the callout was cancelled or started; and,
 * after a reconciliation, Redis agrees with PostgreSQL.
 */
public final class ConfirmationInvariants {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final DatabaseClient database;

	private final ReactiveStringRedisTemplate redis;

	public ConfirmationInvariants(DatabaseClient database, ReactiveStringRedisTemplate redis) {
		this.database = database;
		this.redis = redis;
	}

	/**
	 * Checks that a reply is a real outcome, or a 503 that says when to try again (as
	 * when PostgreSQL's connections are all busy for longer than a request may wait).
	 * Never an error without advice.
	 * @param reply the reply
	 */
	public static void assertOutcomeOrRetryLater(Reply reply) {
		if (reply.status() == 503) {
			assertThat(reply.retryAfter()).as("Retry-After of a 503").isNotBlank();
		}
		else {
			assertThat(reply.status()).as("status").isEqualTo(200);
			assertThat(reply.outcome()).as("outcome").isIn("CONFIRMED", "FULL");
		}
	}

	/**
	 * Checks (a) to (d) where every request got an answer.
	 * @param calloutId the callout
	 * @param toldConfirmed the helpers who were answered {@code CONFIRMED}
	 */
	public void assertHold(UUID calloutId, Set<UUID> toldConfirmed) {
		assertHold(calloutId, toldConfirmed, Set.of());
	}

	/**
	 * Checks (a) to (d) where some requests may have got no answer.
	 * @param calloutId the callout
	 * @param toldConfirmed the helpers who were answered {@code CONFIRMED}
	 * @param unknown the helpers whose request got no answer (a timeout, a broken
	 * connection): they may or may not hold a slot
	 */
	public void assertHold(UUID calloutId, Set<UUID> toldConfirmed, Set<UUID> unknown) {
		List<UUID> confirmed = confirmed(calloutId);
		int needed = number(calloutId, "needed");
		// (a) never more than needed, and the callout's count is the rows' count.
		assertThat(confirmed).as("confirmations of at most %d slots", needed).hasSizeLessThanOrEqualTo(needed);
		assertThat(number(calloutId, "filled")).as("filled").isEqualTo(confirmed.size());
		// (b) one per helper.
		assertThat(confirmed).as("one confirmation per helper").doesNotHaveDuplicates();
		// (c) every "confirmed" answer was committed; every row was answered "confirmed"
		// or got no answer.
		assertThat(confirmed).as("rows of the helpers told CONFIRMED").containsAll(toldConfirmed);
		Set<UUID> mayHold = new HashSet<>(toldConfirmed);
		mayHold.addAll(unknown);
		assertThat(mayHold).as("helpers told CONFIRMED or left without an answer").containsAll(confirmed);
		// (d) none answered once the callout was cancelled or had started.
		assertThat(late(calloutId)).as("confirmations after the callout was cancelled or started").isZero();
	}

	/**
	 * Checks that the callout's counter and confirmed set in Redis are PostgreSQL's
	 * numbers. Call it after a reconciliation.
	 * @param calloutId the callout
	 */
	public void assertRedisAgrees(UUID calloutId) {
		int open = "OPEN".equals(status(calloutId)) ? number(calloutId, "needed") - number(calloutId, "filled") : 0;
		assertThat(this.redis.opsForValue().get(openKey(calloutId)).block(TIMEOUT)).as("open slots in Redis")
			.isEqualTo(Integer.toString(open));
		assertThat(this.redis.opsForSet()
			.members(confirmedKey(calloutId))
			.map(UUID::fromString)
			.collectList()
			.block(TIMEOUT)).as("helpers holding a slot in Redis")
			.containsExactlyInAnyOrderElementsOf(confirmed(calloutId));
	}

	/**
	 * Checks that Redis decremented the counter exactly once per helper it holds a slot
	 * for, however often a command was replayed: open slots and holders add up to the
	 * slots. Holds without a reconciliation.
	 * @param calloutId the callout
	 */
	public void assertRedisInStep(UUID calloutId) {
		long open = Long.parseLong(this.redis.opsForValue().get(openKey(calloutId)).block(TIMEOUT));
		long holders = this.redis.opsForSet().size(confirmedKey(calloutId)).block(TIMEOUT);
		assertThat(open).as("open slots in Redis").isNotNegative();
		assertThat(open + holders).as("open slots and holders in Redis").isEqualTo(number(calloutId, "needed"));
	}

	/**
	 * Checks that Redis holds a slot for exactly the helpers PostgreSQL confirmed, and
	 * counts the rest as open. Holds without a reconciliation while Redis answered every
	 * request.
	 * @param calloutId the callout
	 */
	public void assertRedisHoldsTheConfirmed(UUID calloutId) {
		List<UUID> confirmed = confirmed(calloutId);
		Set<String> holders = this.redis.opsForSet()
			.members(confirmedKey(calloutId))
			.collect(Collectors.toSet())
			.block(TIMEOUT);
		assertThat(holders).as("helpers holding a slot in Redis")
			.containsExactlyInAnyOrderElementsOf(confirmed.stream().map(UUID::toString).toList());
		String open = this.redis.opsForValue().get(openKey(calloutId)).block(TIMEOUT);
		assertThat(open).as("open-slot counter in Redis").isNotNull();
		assertThat(Long.parseLong(open)).as("open slots in Redis")
			.isEqualTo(number(calloutId, "needed") - confirmed.size());
	}

	/**
	 * The helpers holding a slot, from PostgreSQL.
	 * @param calloutId the callout
	 * @return their ids
	 */
	public List<UUID> confirmed(UUID calloutId) {
		return this.database
			.sql("select helper_id from confirmation where callout_id = :callout and answer = 'CONFIRMED'")
			.bind("callout", calloutId)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList()
			.block(TIMEOUT);
	}

	/**
	 * The callout's status.
	 * @param calloutId the callout
	 * @return {@code OPEN}, {@code FILLED}, ...
	 */
	public String status(UUID calloutId) {
		return this.database.sql("select status from callout where id = :id")
			.bind("id", calloutId)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(TIMEOUT);
	}

	private long late(UUID calloutId) {
		return this.database.sql("""
				select count(*) from confirmation a join callout c on c.id = a.callout_id
				where a.callout_id = :callout and a.answer = 'CONFIRMED'
				and (a.answered_at >= c.starts_at or a.answered_at >= c.cancelled_at)""")
			.bind("callout", calloutId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT);
	}

	private int number(UUID calloutId, String column) {
		return this.database.sql("select " + column + " from callout where id = :id")
			.bind("id", calloutId)
			.map((row) -> row.get(0, Integer.class))
			.one()
			.block(TIMEOUT);
	}

	private static String openKey(UUID calloutId) {
		return "co:{" + calloutId + "}:open";
	}

	private static String confirmedKey(UUID calloutId) {
		return "co:{" + calloutId + "}:confirmed";
	}

}
