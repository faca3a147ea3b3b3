package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;

/**
 * Rebuilds the Redis slot counters and confirmed sets from PostgreSQL: at start-up and
 * then every {@code reconcile-interval} for every callout whose slots may still change,
 * and at once for a callout whose counter is missing. A counter that differed is logged
 * and counted ({@code zeitspende_confirmation_slot_drift_total}).
 */
@Component
class SlotReconciler {

	private static final Log log = LogFactory.getLog(SlotReconciler.class);

	// Redis keeps a callout's keys a day past its end, long after the last answer.
	private static final Duration KEEP_AFTER_END = Duration.ofDays(1);

	private final CalloutSummaries callouts;

	private final ConfirmationRepository confirmations;

	private final SlotGate gate;

	private final Counter drift;

	// Requests that all find the counter missing share one rebuild.
	private final Map<UUID, Mono<Void>> rebuilding = new ConcurrentHashMap<>();

	SlotReconciler(CalloutSummaries callouts, ConfirmationRepository confirmations, SlotGate gate,
			MeterRegistry meters) {
		this.callouts = callouts;
		this.confirmations = confirmations;
		this.gate = gate;
		this.drift = Counter.builder("zeitspende.confirmation.slot.drift")
			.description("Redis slot counters that differed from PostgreSQL or were missing")
			.register(meters);
	}

	// Once ready, when the start-up checks have opened the Redis connection.
	@EventListener(ApplicationReadyEvent.class)
	Mono<Void> reconcileOnStart() {
		return reconcileOnSchedule();
	}

	@Scheduled(initialDelayString = "${zeitspende.confirmations.reconcile-interval}",
			fixedDelayString = "${zeitspende.confirmations.reconcile-interval}")
	Mono<Void> reconcileOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return Mono.defer(() -> reconcile(Instant.now())).onErrorResume((ex) -> {
			log.warn("Could not reconcile the slot counters: " + ex.getMessage());
			return Mono.empty();
		}).then();
	}

	/**
	 * Overwrites the counters of every callout whose slots may still change.
	 * @param now the current instant
	 * @return how many counters differed
	 */
	Mono<Long> reconcile(Instant now) {
		return this.callouts.live(now)
			.concatMap((callout) -> rebuild(callout, true, now))
			.filter(Boolean::booleanValue)
			.count();
	}

	/**
	 * Sets the counter of one callout if it is missing.
	 * @param calloutId the callout
	 * @param now the current instant
	 * @return completes when the counter exists again
	 */
	Mono<Void> rebuildMissing(UUID calloutId, Instant now) {
		return this.rebuilding.computeIfAbsent(calloutId,
				(id) -> this.callouts.find(id)
					.flatMap((callout) -> rebuild(callout, false, now))
					.then()
					.doFinally((signal) -> this.rebuilding.remove(id))
					.cache());
	}

	// The open slots are counted from the same read as the helpers holding one: a yes
	// committed between reading the callout and reading its helpers would otherwise be
	// counted twice, once as a holder and once as an open slot.
	private Mono<Boolean> rebuild(CalloutSummary callout, boolean overwrite, Instant now) {
		return this.confirmations.confirmed(callout.id()).collectList().flatMap((confirmed) -> {
			int open = callout.takesHelpers(now) ? Math.max(0, callout.needed() - confirmed.size()) : 0;
			return this.gate.rebuild(callout.id(), open, confirmed, callout.endsAt().plus(KEEP_AFTER_END), overwrite)
				.map((previous) -> drifted(callout.id(), previous, open));
		});
	}

	private boolean drifted(UUID calloutId, long previous, int open) {
		if (previous == -2 || previous == open) {
			return false;
		}
		this.drift.increment();
		log.info("Slot counter of callout " + calloutId + " was " + ((previous == -1) ? "missing" : previous)
				+ ", PostgreSQL says " + open + " open; rebuilt");
		return true;
	}

}
