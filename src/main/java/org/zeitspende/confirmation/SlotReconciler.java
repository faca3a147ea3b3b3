package org.zeitspende.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.lettuce.core.RedisCommandExecutionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;
import org.zeitspende.config.ScheduledJob;

/**
 * Rebuilds the Redis slot counters and confirmed sets from PostgreSQL: at start-up and
 * then every {@code reconcile-interval} for every callout whose slots may still change
 * and whose counter or holders do not match PostgreSQL's confirmed helpers, and at once
 * for a callout whose counter is missing. A yes that Redis has reserved and PostgreSQL
 * not yet committed keeps its slot: the open slots are counted from the holders in Redis,
 * to which the confirmed helpers are added, and a holder without a row is removed only
 * when it still has none {@value #IN_FLIGHT_MILLIS} ms later. A counter that changed or
 * was lost is logged and counted ({@code zeitspende_confirmation_slot_drift_total}); a
 * callout's first counter is not.
 */
@Component
class SlotReconciler {

	private static final Log log = LogFactory.getLog(SlotReconciler.class);

	// Far longer than a yes takes from its reservation to its commit.
	static final long IN_FLIGHT_MILLIS = 1000;

	// Redis keeps a callout's keys a day past its end, long after the last answer.
	private static final Duration KEEP_AFTER_END = Duration.ofDays(1);

	private final ScheduledJob job = new ScheduledJob(log, "Reconciling the slot counters");

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
			.description("Redis slot counters that differed from PostgreSQL or were lost")
			.register(meters);
	}

	// Once ready, when the start-up checks have opened the Redis connection. A failure is
	// logged by the job, and the next scheduled run tries again.
	@EventListener(ApplicationReadyEvent.class)
	Mono<Void> reconcileOnStart() {
		return reconcileOnSchedule().onErrorComplete();
	}

	@Scheduled(initialDelayString = "${zeitspende.confirmations.reconcile-interval}",
			fixedDelayString = "${zeitspende.confirmations.reconcile-interval}")
	Mono<Void> reconcileOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> reconcile(Instant.now())));
	}

	/**
	 * Brings the counters of every callout whose slots may still change in line with
	 * PostgreSQL. Holders without a row are looked for first; if there are any, the
	 * counters are rebuilt {@value #IN_FLIGHT_MILLIS} ms later, and only those still
	 * without a row are removed.
	 * @param now the current instant
	 * @return how many counters changed
	 */
	Mono<Long> reconcile(Instant now) {
		return look(now).flatMap((looks) -> inFlight(looks).then(settle(looks, now)));
	}

	/**
	 * The first step of a reconciliation: the callouts whose counter or holders are not
	 * in line with PostgreSQL, each with its holders without a row. Digests are compared
	 * first (one query for all callouts, one script call per callout), so the service
	 * reads the helpers of only the callouts out of line: with hundreds of callouts
	 * filling, reading every callout's helpers each time made a spike of work that the
	 * yeses of that moment waited behind. Unlike counts, digests also tell a stale holder
	 * and a missing one apart, which a call that failed but took effect can leave behind.
	 * @param now the current instant
	 * @return one look per callout to settle
	 */
	Mono<List<Look>> look(Instant now) {
		return this.callouts.live(now)
			.collectList()
			.flatMap((live) -> this.confirmations.digests(live.stream().map(CalloutSummary::id).toList())
				.flatMapMany((digests) -> Flux.fromIterable(live)
					.concatMap((callout) -> this.gate.state(callout.id())
						.filterWhen((state) -> outOfLine(callout, confirmed(digests, callout.id()), state, now))
						.flatMap((state) -> withoutRow(callout.id()))
						.map((helpers) -> new Look(callout.id(), helpers))
						.onErrorResume(SlotReconciler::noGateWroteThem, (ex) -> leftOut(callout.id(), ex))))
				.collectList());
	}

	// The callouts and digests were read before the walk through Redis began: a callout
	// out of line has PostgreSQL's digest read again, as yeses and withdrawals committed
	// meanwhile are no drift.
	// A status changed meanwhile (a filled callout opened again) costs a look that
	// changes nothing: the rebuild reads the callout again.
	private Mono<Boolean> outOfLine(CalloutSummary callout, HelperDigest confirmed, SlotGate.State state, Instant now) {
		int slots = slots(callout, now);
		if (state.inLine(slots, confirmed)) {
			return Mono.just(false);
		}
		return this.confirmations.digests(List.of(callout.id()))
			.map((current) -> !state.inLine(slots, confirmed(current, callout.id())));
	}

	// The script failed on a callout's keys, they are of the wrong type, or a holder is
	// no id: they hold what no gate wrote, and the other callouts are reconciled all the
	// same. A Redis that cannot be reached, is loading or is busy still fails the run at
	// once.
	private static boolean noGateWroteThem(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		if (cause instanceof IllegalArgumentException) {
			return true;
		}
		return cause instanceof RedisCommandExecutionException && cause.getMessage() != null
				&& (cause.getMessage().contains("user_script") || cause.getMessage().startsWith("WRONGTYPE"));
	}

	private static Mono<Look> leftOut(UUID calloutId, Throwable ex) {
		log.warn("Could not compare the slots of callout " + calloutId + " in Redis, left out of this reconciliation"
				+ " (deleting its keys " + String.join(" and ", SlotKeys.of(calloutId))
				+ " has them rebuilt from PostgreSQL): " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return Mono.empty();
	}

	private static HelperDigest confirmed(Map<UUID, HelperDigest> digests, UUID calloutId) {
		return digests.getOrDefault(calloutId, HelperDigest.NONE);
	}

	private static int slots(CalloutSummary callout, Instant now) {
		return callout.takesHelpers(now) ? callout.needed() : 0;
	}

	/**
	 * The second step: rebuilds each callout from PostgreSQL as it is now (its status
	 * too: a withdrawal may have opened a filled one again), removing the holders that
	 * still have no row.
	 * @param looks the first step's looks
	 * @param now the current instant
	 * @return how many counters changed
	 */
	Mono<Long> settle(List<Look> looks, Instant now) {
		return Flux.fromIterable(looks)
			.concatMap((look) -> rebuild(look.calloutId(), look.withoutRow(), now))
			.filter(Boolean::booleanValue)
			.count();
	}

	/**
	 * Rebuilds the counter of one callout that a yes found missing. No holder is removed:
	 * yeses may be on their way.
	 * @param calloutId the callout
	 * @param now the current instant
	 * @return completes when the counter exists again
	 */
	Mono<Void> rebuildMissing(UUID calloutId, Instant now) {
		return this.rebuilding.computeIfAbsent(calloutId,
				(id) -> rebuild(id, Set.of(), now).then().doFinally((signal) -> this.rebuilding.remove(id)).cache());
	}

	// Holders first: a yes reserved and committed between the two reads is then no holder
	// without a row.
	private Mono<Set<UUID>> withoutRow(UUID calloutId) {
		return this.gate.holders(calloutId)
			.flatMap((holders) -> confirmed(calloutId).map((confirmed) -> without(holders, confirmed)));
	}

	// Yeses reserved a moment ago are on their way to PostgreSQL: their holders get the
	// time to commit.
	private static Mono<Void> inFlight(List<Look> looks) {
		return looks.stream().allMatch((look) -> look.withoutRow().isEmpty()) ? Mono.empty()
				: Mono.delay(Duration.ofMillis(IN_FLIGHT_MILLIS)).then();
	}

	private Mono<Set<UUID>> confirmed(UUID calloutId) {
		return this.confirmations.confirmed(calloutId).collect(Collectors.toSet());
	}

	// The callout and its rows as they are now; of the holders that had no row before,
	// those that still have none are removed.
	private Mono<Boolean> rebuild(UUID calloutId, Set<UUID> withoutRow, Instant now) {
		return this.callouts.find(calloutId).flatMap((callout) -> {
			int slots = slots(callout, now);
			return confirmed(calloutId).flatMap((confirmed) -> this.gate
				.rebuild(calloutId, slots, confirmed, without(withoutRow, confirmed),
						callout.endsAt().plus(KEEP_AFTER_END))
				.flatMap((rebuilt) -> releaseWithdrawn(calloutId, rebuilt.added()).map(rebuilt::givenBack))
				.map((rebuilt) -> drifted(calloutId, rebuilt, slots)));
		});
	}

	// A helper added as confirmed may have withdrawn after the rows were read, and the
	// withdrawal given the slot back before the helper was added: added again, the
	// helper would hold a slot without a row. The release gives it back once. Returns
	// the helpers whose slots were given back.
	private Mono<Set<UUID>> releaseWithdrawn(UUID calloutId, Set<UUID> added) {
		if (added.isEmpty()) {
			return Mono.just(Set.of());
		}
		return confirmed(calloutId).flatMapMany((confirmed) -> Flux.fromIterable(without(added, confirmed)))
			.filterWhen((helperId) -> this.gate.release(calloutId, helperId))
			.collect(Collectors.toSet());
	}

	private static Set<UUID> without(Set<UUID> helpers, Set<UUID> others) {
		Set<UUID> rest = new HashSet<>(helpers);
		rest.removeAll(others);
		return rest;
	}

	/**
	 * A callout, and the helpers holding one of its slots in Redis without a row in
	 * PostgreSQL when looked at.
	 *
	 * @param calloutId the callout
	 * @param withoutRow the holders without a row
	 */
	record Look(UUID calloutId, Set<UUID> withoutRow) {
	}

	// A callout's first counter, made at its first yes or reconciliation, lost nothing: a
	// missing counter is drift when a slot was held (PostgreSQL had confirmed a helper,
	// added now, or Redis still held one), also on a callout that takes nobody now.
	private boolean drifted(UUID calloutId, SlotGate.Rebuilt rebuilt, int slots) {
		if (!rebuilt.changed()) {
			return false;
		}
		if (rebuilt.before() == -1 && rebuilt.added().isEmpty() && rebuilt.removed() == 0 && rebuilt.open() == slots) {
			log.debug("Slot counter of callout " + calloutId + " made: " + rebuilt.open() + " open");
			return false;
		}
		this.drift.increment();
		log.info("Slot counter of callout " + calloutId + " was "
				+ ((rebuilt.before() == -1) ? "missing" : rebuilt.before()) + ", PostgreSQL and the holders say "
				+ rebuilt.open() + " open (" + rebuilt.added().size() + " confirmed helpers added, " + rebuilt.removed()
				+ " holders without a row removed); rebuilt");
		return true;
	}

}
