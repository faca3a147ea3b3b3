package org.zeitspende.ask;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zeitspende.dispatch.DeliveryReported;

/**
 * Moves asks forward as the provider reports on them. Reports come late, out of order and
 * twice; an update names the statuses it may leave, so none of that moves an ask back.
 * <p>
 * The listener returns a {@code Mono}: Spring subscribes to what an event listener
 * returns, so the update runs without blocking the thread that published the report.
 */
@Component
class DeliveryReports {

	private static final List<AskStatus> SENT_OR_UNKNOWN = List.of(AskStatus.SENT, AskStatus.UNKNOWN);

	private final AskRepository asks;

	private final SmsFallback fallback;

	private final ApplicationEventPublisher events;

	DeliveryReports(AskRepository asks, SmsFallback fallback, ApplicationEventPublisher events) {
		this.asks = asks;
		this.fallback = fallback;
		this.events = events;
	}

	@EventListener
	Mono<Void> on(DeliveryReported report) {
		UUID id = askId(report.reference());
		if (id == null) {
			return Mono.empty();
		}
		return switch (report.status()) {
			case QUEUED, SENT -> this.asks.report(id, AskStatus.SENT, List.of(AskStatus.UNKNOWN), null).then();
			case DELIVERED -> this.asks.report(id, AskStatus.DELIVERED, SENT_OR_UNKNOWN, null)
				.doOnNext((calloutId) -> this.events.publishEvent(new AskDelivered(calloutId, id)))
				.then();
			case UNDELIVERED, FAILED, CANCELLED -> failed(id, report);
		};
	}

	private Mono<Void> failed(UUID id, DeliveryReported report) {
		String error = "reported " + report.status() + ((report.errorCode() != null) ? " " + report.errorCode() : "");
		if (report.failure() == null) {
			return this.asks.report(id, AskStatus.FAILED, SENT_OR_UNKNOWN, error).then();
		}
		return this.fallback.undelivered(id, report.providerId(), report.failure(), error, Instant.now());
	}

	// Other messages (verification codes, sign-in links) carry references of their own.
	private static UUID askId(String reference) {
		if (reference == null || reference.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(reference);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
