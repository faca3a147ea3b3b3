package org.zeitspende.callout;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.config.ScheduledJob;

/**
 * Ends open callouts whose start has passed: nobody is asked for help that is already
 * under way. One statement, so replicas running it at once do no harm.
 */
@Component
class CalloutExpiry {

	private static final Log log = LogFactory.getLog(CalloutExpiry.class);

	private final ScheduledJob job = new ScheduledJob(log, "Expiring callouts");

	private final CalloutRepository callouts;

	private final ApplicationEventPublisher events;

	CalloutExpiry(CalloutRepository callouts, ApplicationEventPublisher events) {
		this.callouts = callouts;
		this.events = events;
	}

	@Scheduled(initialDelayString = "${zeitspende.callouts.expiry-interval}",
			fixedDelayString = "${zeitspende.callouts.expiry-interval}")
	Mono<Void> expireOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> expire(Instant.now())).doOnNext((expired) -> {
			if (expired > 0) {
				log.info("Expired " + expired + " open callouts whose start passed");
			}
		}));
	}

	/**
	 * Marks open callouts that start at or before the cut-off as expired and publishes
	 * {@link CalloutExpired} for each, after the change is committed.
	 * @param cutOff the instant
	 * @return how many were marked
	 */
	Mono<Long> expire(Instant cutOff) {
		// Published once every row is read: the statement commits only when it ends.
		return this.callouts.expireStartedBefore(cutOff).collectList().map((expired) -> {
			expired.forEach(this.events::publishEvent);
			return (long) expired.size();
		});
	}

}
