package org.zeitspende.callout;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The slots of a callout, for the confirmation gate. Each method is one statement that
 * joins the caller's transaction, so the slot and the caller's own row commit or roll
 * back together. {@code CHECK (filled <= needed)} backs the conditions up.
 */
@Service
public class CalloutSlots {

	private final DatabaseClient database;

	CalloutSlots(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Gives one slot back: a {@code FILLED} callout opens again.
	 * @param calloutId the callout
	 * @return the callout's slots after giving one back; empty when it is neither open
	 * nor filled or has no slot taken
	 */
	public Mono<Slots> release(UUID calloutId) {
		return this.database.sql("""
				update callout set filled = filled - 1, updated_at = now(),
				    status = case when status = 'FILLED' then 'OPEN' else status end
				where id = :id and status in ('OPEN', 'FILLED') and filled > 0
				returning organisation_id, filled, needed""")
			.bind("id", calloutId)
			.map((row) -> new Slots(row.get("organisation_id", UUID.class), row.get("filled", Integer.class),
					row.get("needed", Integer.class)))
			.one();
	}

	/**
	 * A callout's slots.
	 *
	 * @param organisationId its organisation
	 * @param filled slots taken
	 * @param needed slots in all
	 */
	public record Slots(UUID organisationId, int filled, int needed) {

		/**
		 * Whether every slot is taken.
		 * @return {@code true} when filled
		 */
		public boolean full() {
			return this.filled >= this.needed;
		}

	}

}
