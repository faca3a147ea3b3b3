package org.zeitspende.confirmation;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutSummaries;
import org.zeitspende.callout.CalloutSummary;

/**
 * Callouts as read a moment ago: when ten thousand helpers tap the links of one callout
 * at once, it is read once, not ten thousand times. Nothing is decided on it: only the
 * gate and PostgreSQL take or refuse a slot. What the answers on this instance learn of a
 * callout's slots replaces what was read; a change made elsewhere (another instance, a
 * cancellation) shows after at most {@code zeitspende.confirmations.callout-cache-time}.
 */
@Component
class RecentCallouts {

	private static final int MAXIMUM = 10_000;

	private final CalloutSummaries callouts;

	private final AsyncCache<UUID, Latest> cache;

	RecentCallouts(CalloutSummaries callouts, ConfirmationProperties properties) {
		this.callouts = callouts;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.calloutCacheTime())
			.maximumSize(MAXIMUM)
			.buildAsync();
	}

	/**
	 * A callout as read a moment ago, or as answers changed it since; requests that come
	 * while it is read wait for that read.
	 * @param calloutId the callout
	 * @return the callout, empty when unknown
	 */
	Mono<CalloutSummary> find(UUID calloutId) {
		return Mono
			.fromFuture(() -> this.cache.get(calloutId,
					(id, executor) -> this.callouts.find(id).map(Latest::new).toFuture()), true)
			.map(Latest::summary);
	}

	/**
	 * Keeps what an answer learned of a callout for the next ones.
	 * @param callout the callout as it stands after the answer
	 */
	void learned(CalloutSummary callout) {
		CompletableFuture<Latest> read = this.cache.getIfPresent(callout.id());
		Latest latest = (read != null) ? read.getNow(null) : null;
		if (latest != null) {
			latest.summary = callout;
		}
	}

	// Changed in place, so that what is learned does not make the read last longer.
	private static final class Latest {

		private volatile CalloutSummary summary;

		Latest(CalloutSummary summary) {
			this.summary = summary;
		}

		CalloutSummary summary() {
			return this.summary;
		}

	}

}
