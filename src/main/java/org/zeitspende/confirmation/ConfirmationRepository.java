package org.zeitspende.confirmation;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

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
	 * The helpers holding a slot.
	 */
	Flux<UUID> confirmed(UUID calloutId) {
		return this.database
			.sql("select helper_id from confirmation where callout_id = :callout and answer = 'CONFIRMED'")
			.bind("callout", calloutId)
			.map((row) -> row.get("helper_id", UUID.class))
			.all();
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
	 * Of the given callouts, those a helper has answered.
	 */
	Flux<UUID> answered(UUID helperId, List<UUID> calloutIds) {
		return this.database
			.sql("select callout_id from confirmation where helper_id = :helper and callout_id = any(:callouts)")
			.bind("helper", helperId)
			.bind("callouts", calloutIds.toArray(UUID[]::new))
			.map((row) -> row.get("callout_id", UUID.class))
			.all();
	}

}
