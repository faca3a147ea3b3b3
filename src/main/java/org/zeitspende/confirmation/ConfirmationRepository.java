package org.zeitspende.confirmation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.zeitspende.callout.CalloutStatus;

/**
 * Answers in PostgreSQL, one per helper and callout. Each change is one statement that
 * names the state it may leave, so a repeat or a race changes nothing.
 */
@Repository
class ConfirmationRepository {

	private final DatabaseClient database;

	ConfirmationRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The stored answer, as the outcome a repeat answers.
	 * @return {@code CONFIRMED}, {@code DECLINED} or {@code WITHDRAWN}; empty when none
	 */
	Mono<Outcome> answerOf(UUID calloutId, UUID helperId) {
		return this.database.sql("select answer from confirmation where callout_id = :callout and helper_id = :helper")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.map((row) -> Outcome.valueOf(row.get("answer", String.class)))
			.one();
	}

	/**
	 * Stores a first answer. A concurrent insert for the same helper waits for the other
	 * transaction and then inserts nothing.
	 * @return whether this was the first answer
	 */
	Mono<Boolean> answer(UUID calloutId, UUID helperId, Outcome answer) {
		return this.database.sql("""
				insert into confirmation (callout_id, helper_id, answer) values (:callout, :helper, :answer)
				on conflict (callout_id, helper_id) do nothing""")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.bind("answer", answer.name())
			.fetch()
			.rowsUpdated()
			.map((inserted) -> inserted > 0);
	}

	/**
	 * Turns a yes into a withdrawal.
	 * @return whether the helper held a slot until now
	 */
	Mono<Boolean> withdraw(UUID calloutId, UUID helperId) {
		return this.database.sql("""
				update confirmation set answer = 'WITHDRAWN', withdrawn_at = now()
				where callout_id = :callout and helper_id = :helper and answer = 'CONFIRMED'""")
			.bind("callout", calloutId)
			.bind("helper", helperId)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated > 0);
	}

	/**
	 * The helpers holding a slot, those who confirmed first first.
	 */
	Flux<UUID> confirmed(UUID calloutId) {
		return this.database.sql("""
				select helper_id from confirmation where callout_id = :callout and answer = 'CONFIRMED'
				order by answered_at, helper_id""")
			.bind("callout", calloutId)
			.map((row) -> row.get("helper_id", UUID.class))
			.all();
	}

	/**
	 * The digests of the given callouts' confirmed helpers, read at one moment.
	 * @return the digest of each callout with confirmed helpers
	 */
	Mono<Map<UUID, HelperDigest>> digests(Collection<UUID> calloutIds) {
		return this.database.sql("""
				select callout_id, count(*) as helpers,
				       bit_xor(('x' || left(helper_id::text, 8))::bit(32)::int) as first,
				       bit_xor(('x' || right(helper_id::text, 8))::bit(32)::int) as last
				from confirmation where callout_id = any(:callouts) and answer = 'CONFIRMED'
				group by callout_id""")
			.bind("callouts", calloutIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("callout_id", UUID.class),
					new HelperDigest(row.get("helpers", Long.class), row.get("first", Integer.class),
							row.get("last", Integer.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * The callouts in which a helper holds a slot.
	 */
	Flux<UUID> calloutsConfirmed(UUID helperId) {
		return this.database
			.sql("select callout_id from confirmation where helper_id = :helper and answer = 'CONFIRMED'")
			.bind("helper", helperId)
			.map((row) -> row.get("callout_id", UUID.class))
			.all();
	}

	/**
	 * A helper's answers to the given callouts.
	 * @return the stored answer of each answered callout
	 */
	Mono<Map<UUID, Outcome>> answersAmong(UUID helperId, Collection<UUID> calloutIds) {
		return this.database.sql(
				"select callout_id, answer from confirmation where helper_id = :helper and callout_id = any(:callouts)")
			.bind("helper", helperId)
			.bind("callouts", calloutIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("callout_id", UUID.class),
					Outcome.valueOf(row.get("answer", String.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Yeses in one statement and one commit ({@code take_slots}).
	 * @param yeses the yeses, no helper twice for one callout
	 * @return what came of each, in the order of {@code yeses}
	 */
	Mono<List<SlotTaking>> takeAll(List<Yes> yeses) {
		return this.database.sql(
				"select ord, outcome, stored, organisation_id, status, filled, needed from take_slots(:callouts, :helpers, :nows)")
			.bind("callouts", yeses.stream().map(Yes::calloutId).toArray(UUID[]::new))
			.bind("helpers", yeses.stream().map(Yes::helperId).toArray(UUID[]::new))
			.bind("nows",
					yeses.stream()
						.map((yes) -> OffsetDateTime.ofInstant(yes.now(), ZoneOffset.UTC))
						.toArray(OffsetDateTime[]::new))
			.map((row) -> Map.entry(row.get("ord", Integer.class), taking(row)))
			.all()
			.collectList()
			.map((rows) -> {
				SlotTaking[] inOrder = new SlotTaking[yeses.size()];
				rows.forEach((row) -> inOrder[row.getKey() - 1] = row.getValue());
				return Arrays.asList(inOrder);
			});
	}

	private static SlotTaking taking(Readable row) {
		String stored = row.get("stored", String.class);
		String status = row.get("status", String.class);
		return new SlotTaking(SlotTaking.Kind.valueOf(row.get("outcome", String.class)),
				(stored != null) ? Outcome.valueOf(stored) : null, row.get("organisation_id", UUID.class),
				(status != null) ? CalloutStatus.valueOf(status) : null,
				Objects.requireNonNullElse(row.get("filled", Integer.class), 0),
				Objects.requireNonNullElse(row.get("needed", Integer.class), 0));
	}

	/**
	 * A yes to take a slot for.
	 *
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @param now when the helper answered: the callout must start after it
	 */
	record Yes(UUID calloutId, UUID helperId, Instant now) {

	}

	/**
	 * What came of a yes in PostgreSQL.
	 *
	 * @param kind what happened
	 * @param stored the answer stored before, when {@code ANSWERED}
	 * @param organisationId the callout's organisation, unless {@code ANSWERED}
	 * @param status the callout's status after it, unless {@code ANSWERED}
	 * @param filled slots taken after it, unless {@code ANSWERED}
	 * @param needed slots in all, unless {@code ANSWERED}
	 */
	record SlotTaking(Kind kind, Outcome stored, UUID organisationId, CalloutStatus status, int filled, int needed) {

		enum Kind {

			/** The answer is stored and a slot taken. */
			CONFIRMED,

			/** The helper had answered before; nothing changed. */
			ANSWERED,

			/** No slot left, or the callout takes no helpers: nothing stored. */
			NO_SLOT

		}

	}

	/**
	 * The helper's answers, oldest first, for the helper's data export.
	 */
	Mono<List<Map<String, Object>>> exportOf(UUID helperId) {
		return this.database.sql("""
				select callout_id, answer, answered_at, withdrawn_at from confirmation
				where helper_id = :helper order by answered_at, callout_id""")
			.bind("helper", helperId)
			.fetch()
			.all()
			.collectList();
	}

}
