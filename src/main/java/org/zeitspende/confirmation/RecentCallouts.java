package org.zeitspende.confirmation;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;

/**
 * Callouts as read a moment ago: when ten thousand helpers tap the links of one callout
 * at once, its details are read once, not ten thousand times. Only the details serve:
 * each request reads the callout's status and slots with its ask ({@link AskStates}). A
 * change of the details (a new start or end) shows after at most
 * {@code zeitspende.confirmations.callout-cache-time}.
 */
@Component
class RecentCallouts {

	private static final int MAXIMUM = 10_000;

	private final CalloutSummaries callouts;

	private final AsyncCache<UUID, CalloutSummary> cache;

	RecentCallouts(CalloutSummaries callouts, ConfirmationProperties properties) {
		this.callouts = callouts;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.calloutCacheTime())
			.maximumSize(MAXIMUM)
			.buildAsync();
	}

	/**
	 * A callout as read a moment ago; requests that come while it is read wait.
	 * @param calloutId the callout
	 * @return the callout, empty when unknown
	 */
	Mono<CalloutSummary> find(UUID calloutId) {
		return Mono.fromFuture(() -> this.cache.get(calloutId, (id, executor) -> this.callouts.find(id).toFuture()),
				true);
	}

}
