package org.zeitspende.donation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Donation needs and pledges in PostgreSQL. An organisation's queries are scoped to it,
 * so another organisation's need is simply not found.
 */
@Repository
class NeedRepository {

	private static final String SELECT = """
			select id, organisation_id, item, category, unit, notes, place_code, urgency, quantity_needed,
			       quantity_pledged, donation_stop, status, created_at
			from donation_need""";

	private static final String PLEDGE_COLUMNS = "id, need_id, quantity, donor_name, donor_contact, pledged_at, "
			+ "received_at";

	private final DatabaseClient database;

	NeedRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<UUID> insert(UUID organisationId, UUID createdBy, NewNeed need) {
		return this.database.sql("""
				insert into donation_need (organisation_id, created_by, item, category, unit, notes, place_code,
				                           urgency, quantity_needed)
				values (:organisation, :createdBy, :item, :category, :unit, :notes, :place, :urgency, :needed)
				returning id""")
			.bind("organisation", organisationId)
			.bind("createdBy", createdBy)
			.bind("item", need.item().strip())
			.bind("category", need.category().name())
			.bind("unit", (need.unit() != null) ? need.unit().strip() : "Stück")
			.bind("notes", (need.notes() != null) ? need.notes().strip() : "")
			.bind("place", need.place())
			.bind("urgency", ((need.urgency() != null) ? need.urgency() : Urgency.NORMAL).name())
			.bind("needed", need.quantityNeeded())
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<Need> find(UUID organisationId, UUID id) {
		return this.database.sql(SELECT + " where organisation_id = :organisation and id = :id")
			.bind("organisation", organisationId)
			.bind("id", id)
			.map(NeedRepository::need)
			.one();
	}

	Mono<Need> find(UUID id) {
		return this.database.sql(SELECT + " where id = :id").bind("id", id).map(NeedRepository::need).one();
	}

	Flux<Need> findByOrganisation(UUID organisationId) {
		return this.database.sql(SELECT + " where organisation_id = :organisation order by created_at desc, id")
			.bind("organisation", organisationId)
			.map(NeedRepository::need)
			.all();
	}

	/**
	 * Open needs, most urgent first, then newest.
	 * @param place a place code to filter by, or {@code null}
	 * @param category a category to filter by, or {@code null}
	 * @param organisationId an organisation to filter by, or {@code null}
	 */
	Flux<Need> findOpen(String place, Category category, UUID organisationId, int limit, int offset) {
		GenericExecuteSpec select = this.database.sql(SELECT + """
				 where status = 'OPEN' and (cast(:place as text) is null or place_code = :place)
				  and (cast(:category as text) is null or category = :category)
				  and (cast(:organisation as uuid) is null or organisation_id = :organisation)
				order by case urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end, created_at desc, id
				limit :limit offset :offset""").bind("limit", limit).bind("offset", offset);
		select = (place != null) ? select.bind("place", place) : select.bindNull("place", String.class);
		select = (category != null) ? select.bind("category", category.name())
				: select.bindNull("category", String.class);
		select = (organisationId != null) ? select.bind("organisation", organisationId)
				: select.bindNull("organisation", UUID.class);
		return select.map(NeedRepository::need).all();
	}

	/**
	 * Adds a pledge and raises the pledged quantity in one statement, only while the need
	 * is open, not stopped and the pledge fits within it; the need closes when the
	 * pledges meet it.
	 * @return the pledge's id and what is still needed; empty when the pledge was refused
	 */
	Mono<PledgeReceipt> pledge(UUID needId, NewPledge pledge) {
		return this.database.sql("""
				with taken as (
				    update donation_need
				    set quantity_pledged = quantity_pledged + :quantity,
				        status = case when quantity_pledged + :quantity = quantity_needed then 'CLOSED' else status end,
				        updated_at = now()
				    where id = :need and status = 'OPEN' and not donation_stop
				      and quantity_pledged + :quantity <= quantity_needed
				    returning id, quantity_needed - quantity_pledged as still_needed),
				added as (
				    insert into donation_pledge (need_id, quantity, donor_name, donor_contact)
				    select id, :quantity, :name, :contact from taken
				    returning id, need_id)
				select added.id, taken.still_needed from added join taken on taken.id = added.need_id""")
			.bind("need", needId)
			.bind("quantity", pledge.quantity())
			.bind("name", pledge.name().strip())
			.bind("contact", pledge.contact().strip())
			.map((row) -> new PledgeReceipt(row.get("id", UUID.class), pledge.quantity(),
					row.get("still_needed", Integer.class)))
			.one();
	}

	/**
	 * Sets or lifts the Spendenstopp of an open need.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> stop(UUID organisationId, UUID id, boolean stopped) {
		return this.database.sql("""
				update donation_need set donation_stop = :stopped, updated_at = now()
				where organisation_id = :organisation and id = :id and status = 'OPEN'""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.bind("stopped", stopped)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Closes a need, also one that still lacks donations.
	 * @return the number of rows changed: 0 or 1
	 */
	Mono<Long> close(UUID organisationId, UUID id) {
		return this.database.sql("""
				update donation_need set status = 'CLOSED', updated_at = now()
				where organisation_id = :organisation and id = :id""")
			.bind("organisation", organisationId)
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	Flux<Pledge> findPledges(UUID organisationId, UUID needId) {
		return this.database.sql("select " + PLEDGE_COLUMNS + """
				 from donation_pledge where need_id = :need
				  and exists (select 1 from donation_need where id = :need and organisation_id = :organisation)
				order by pledged_at, id""")
			.bind("organisation", organisationId)
			.bind("need", needId)
			.map(NeedRepository::pledge)
			.all();
	}

	/**
	 * Marks a pledge received, once.
	 * @return the pledge; empty when it is not one of the organisation's
	 */
	Mono<Pledge> markReceived(UUID organisationId, UUID needId, UUID pledgeId) {
		return this.database.sql("""
				update donation_pledge p set received_at = coalesce(p.received_at, now())
				from donation_need n
				where n.id = p.need_id and n.organisation_id = :organisation and p.need_id = :need and p.id = :id
				returning p.id, p.need_id, p.quantity, p.donor_name, p.donor_contact, p.pledged_at, p.received_at""")
			.bind("organisation", organisationId)
			.bind("need", needId)
			.bind("id", pledgeId)
			.map(NeedRepository::pledge)
			.one();
	}

	private static Need need(Readable row) {
		return new Need(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
				row.get("item", String.class), Category.valueOf(row.get("category", String.class)),
				row.get("unit", String.class), row.get("notes", String.class), row.get("place_code", String.class),
				Urgency.valueOf(row.get("urgency", String.class)), row.get("quantity_needed", Integer.class),
				row.get("quantity_pledged", Integer.class),
				Boolean.TRUE.equals(row.get("donation_stop", Boolean.class)),
				NeedStatus.valueOf(row.get("status", String.class)), instant(row, "created_at"));
	}

	private static Pledge pledge(Readable row) {
		return new Pledge(row.get("id", UUID.class), row.get("need_id", UUID.class), row.get("quantity", Integer.class),
				row.get("donor_name", String.class), row.get("donor_contact", String.class), instant(row, "pledged_at"),
				instant(row, "received_at"));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
