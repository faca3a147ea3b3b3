package org.zeitspende.helper;

import java.time.OffsetDateTime;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.config.ScheduledJob;

/**
 * Deletes what was never verified: helpers without any verified channel, and unverified
 * contacts of helpers verified on their other channel. Personal data nobody confirmed is
 * not kept.
 */
@Component
class UnverifiedPurge {

	private static final Log log = LogFactory.getLog(UnverifiedPurge.class);

	private final ScheduledJob job = new ScheduledJob(log, "Purging unverified registrations");

	private final DatabaseClient database;

	private final HelperProperties properties;

	UnverifiedPurge(DatabaseClient database, HelperProperties properties) {
		this.database = database;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${zeitspende.helpers.purge-interval}",
			fixedDelayString = "${zeitspende.helpers.purge-interval}")
	Mono<Void> purgeOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> purge(OffsetDateTime.now().minus(this.properties.unverifiedRetention())))
			.doOnNext((purged) -> {
				if (purged.any()) {
					log.info("Purged unverified registrations: " + purged);
				}
			}));
	}

	/**
	 * Purges what was registered before the cut-off and is still unverified.
	 * @param cutOff registrations older than this go
	 * @return what was purged
	 */
	Mono<Purged> purge(OffsetDateTime cutOff) {
		Mono<Long> helpers = this.database.sql("""
				delete from helper
				where erased_at is null and email_verified_at is null and mobile_verified_at is null
				  and created_at < :cutOff""").bind("cutOff", cutOff).fetch().rowsUpdated();
		Mono<Long> emails = this.database.sql("""
				update helper set email = null, updated_at = now()
				where email is not null and email_verified_at is null and mobile_verified_at is not null
				  and created_at < :cutOff""").bind("cutOff", cutOff).fetch().rowsUpdated();
		Mono<Long> mobiles = this.database.sql("""
				update helper set mobile = null, updated_at = now()
				where mobile is not null and mobile_verified_at is null and email_verified_at is not null
				  and created_at < :cutOff""").bind("cutOff", cutOff).fetch().rowsUpdated();
		return Mono.zip(helpers, emails, mobiles)
			.map((counts) -> new Purged(counts.getT1(), counts.getT2(), counts.getT3()));
	}

	/**
	 * How much one purge removed.
	 *
	 * @param helpers helpers deleted
	 * @param emails unverified email addresses removed
	 * @param mobiles unverified numbers removed
	 */
	record Purged(long helpers, long emails, long mobiles) {

		boolean any() {
			return this.helpers + this.emails + this.mobiles > 0;
		}

	}

}
