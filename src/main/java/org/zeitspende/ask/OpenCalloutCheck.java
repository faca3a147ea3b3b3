package org.zeitspende.ask;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.zeitspende.callout.OpenCallout;
import org.zeitspende.callout.OpenCallouts;

/**
 * Whether the callouts of one claimed batch are still open, looked up at most once per
 * callout and {@link #FRESH_FOR}: a filled or cancelled callout stops its asks within
 * that time, without a query per ask.
 */
final class OpenCalloutCheck {

	static final Duration FRESH_FOR = Duration.ofMillis(500);

	private final OpenCallouts callouts;

	private final Instant now;

	private final Map<UUID, Mono<Optional<OpenCallout>>> lookups = new ConcurrentHashMap<>();

	OpenCalloutCheck(OpenCallouts callouts, Instant now) {
		this.callouts = callouts;
		this.now = now;
	}

	Mono<OpenCallout> find(UUID calloutId) {
		return this.lookups
			.computeIfAbsent(calloutId,
					(id) -> this.callouts.find(id, this.now)
						.map(Optional::of)
						.defaultIfEmpty(Optional.empty())
						.cache(FRESH_FOR))
			.flatMap(Mono::justOrEmpty);
	}

}
