package org.zeitspende.live;

import java.time.Clock;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveSubscription.Message;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.stereotype.Component;
import org.zeitspende.config.FailureStreak;

/**
 * The Redis pub/sub channel of each callout, {@code co:{<id>}:events}, that carries its
 * changes to the streams on every replica. Messages are the kinds' names only; the counts
 * are read where the stream is.
 */
@Component
class CalloutChannels {

	private static final Log log = LogFactory.getLog(CalloutChannels.class);

	// Without Redis every confirmation's event fails: a line each would bury the log.
	private final FailureStreak failures = new FailureStreak(log, "Publishing live events", "event", Clock.systemUTC());

	private final ReactiveStringRedisTemplate redis;

	CalloutChannels(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	static String channel(UUID calloutId) {
		return "co:{" + calloutId + "}:events";
	}

	/**
	 * Tells every replica's streams of a change. A failure is logged, not passed on: the
	 * change is committed, and the next event carries the counts.
	 * @param calloutId the callout
	 * @param kind what happened
	 * @return completes when Redis took the message
	 */
	Mono<Void> publish(UUID calloutId, LiveEventKind kind) {
		return this.redis.convertAndSend(channel(calloutId), kind.wireName())
			.doOnNext((receivers) -> this.failures.succeeded())
			.then()
			.onErrorResume((ex) -> {
				this.failures.failed(ex, (before) -> log.warn("Could not publish " + kind.wireName() + " of callout "
						+ calloutId + ": " + FailureStreak.reason(ex) + before));
				return Mono.empty();
			});
	}

	/**
	 * Subscribes to a callout's changes.
	 * @param calloutId the callout
	 * @return completes once Redis confirmed the subscription, with the changes from then
	 * on; cancelling them unsubscribes
	 */
	Mono<Flux<LiveEventKind>> subscribe(UUID calloutId) {
		return this.redis.listenToLater(ChannelTopic.of(channel(calloutId)))
			.map((messages) -> messages.map(Message::getMessage).mapNotNull(LiveEventKind::fromWireName));
	}

}
