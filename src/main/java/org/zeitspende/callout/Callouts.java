package org.zeitspende.callout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Callouts as organisations create and manage them. Every method takes the organisation
 * from the caller's token; another organisation's callout is not found.
 */
@Service
class Callouts {

	// A clash of short codes needs another draw; with 10,000 codes and far fewer open
	// callouts, a few draws are plenty.
	private static final int SHORT_CODE_DRAWS = 20;

	private final CalloutRepository callouts;

	private final CalloutChecks checks;

	private final ApplicationEventPublisher events;

	Callouts(CalloutRepository callouts, CalloutChecks checks, ApplicationEventPublisher events) {
		this.callouts = callouts;
		this.checks = checks;
		this.events = events;
	}

	Mono<Callout> create(UUID organisationId, UUID memberId, NewCallout callout, Instant now) {
		return this.checks.check(callout, now)
			.flatMap((valid) -> insertWithFreeShortCode(organisationId, memberId, valid))
			.flatMap((id) -> existing(organisationId, id))
			.doOnNext(publishOpened(organisationId));
	}

	Mono<CalloutPage> list(UUID organisationId, CalloutFilter filter, int limit, int offset) {
		return this.callouts.findAll(organisationId, filter, limit + 1, offset)
			.collectList()
			.map((rows) -> page(rows, limit, offset));
	}

	Mono<Callout> get(UUID organisationId, UUID id) {
		return existing(organisationId, id);
	}

	Mono<Callout> change(UUID organisationId, UUID id, CalloutChange change, Instant now) {
		return this.callouts.changeTexts(organisationId, id, change, now)
			.flatMap((updated) -> existing(organisationId, id).map(changedOrConflict(updated)));
	}

	/**
	 * Calls a callout off. Cancelling a cancelled callout again changes nothing and
	 * publishes nothing.
	 */
	Mono<Callout> cancel(UUID organisationId, UUID id) {
		return this.callouts.cancel(organisationId, id)
			.flatMap((previous) -> existing(organisationId, id).doOnNext(publishCancelled(organisationId, previous)))
			.switchIfEmpty(Mono.defer(() -> existing(organisationId, id).map(Callouts::cancelledAlready)));
	}

	Mono<Callout> existing(UUID organisationId, UUID id) {
		return this.callouts.find(organisationId, id).switchIfEmpty(Mono.error(CalloutProblem::notFound));
	}

	private Mono<UUID> insertWithFreeShortCode(UUID organisationId, UUID memberId, ValidCallout callout) {
		return Mono.defer(() -> this.callouts.insert(organisationId, memberId, callout, drawShortCode()))
			.repeatWhenEmpty(SHORT_CODE_DRAWS, (draws) -> draws);
	}

	private Consumer<Callout> publishOpened(UUID organisationId) {
		return (callout) -> this.events
			.publishEvent(new CalloutOpened(callout.id(), organisationId, callout.createdAt()));
	}

	private Consumer<Callout> publishCancelled(UUID organisationId, CalloutStatus previous) {
		return (callout) -> this.events
			.publishEvent(new CalloutCancelled(callout.id(), organisationId, previous, callout.cancelledAt()));
	}

	private static Function<Callout, Callout> changedOrConflict(long updated) {
		return (callout) -> {
			if (updated == 0) {
				throw CalloutProblem.notChangeable(callout);
			}
			return callout;
		};
	}

	private static Callout cancelledAlready(Callout callout) {
		if (callout.status() != CalloutStatus.CANCELLED) {
			throw CalloutProblem.notCancellable(callout.status());
		}
		return callout;
	}

	private static CalloutPage page(List<Callout> rows, int limit, int offset) {
		boolean more = rows.size() > limit;
		return new CalloutPage(more ? rows.subList(0, limit) : rows, limit, offset, more);
	}

	private static String drawShortCode() {
		return String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
