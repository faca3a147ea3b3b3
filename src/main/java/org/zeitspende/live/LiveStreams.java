package org.zeitspende.live;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.function.Tuple2;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;
import org.zeitspende.callout.CalloutProgresses;
import org.zeitspende.security.Caller;

/**
 * A callout's live stream for a member of its organisation: a snapshot, then one event
 * per change, each with the counts read after the change arrived, and a heartbeat comment
 * while nothing happens. It ends after the callout is cancelled or expired.
 * <p>
 * Event ids count the events of one connection. A client that reconnects gets a new
 * snapshot rather than the events it missed: every event carries the whole state.
 */
@Service
class LiveStreams {

	static final String HEARTBEAT = "heartbeat";

	private final CalloutProgresses progresses;

	private final CalloutChannels channels;

	private final LiveProperties properties;

	private final Sinks.Empty<Void> closing = Sinks.empty();

	LiveStreams(CalloutProgresses progresses, CalloutChannels channels, LiveProperties properties) {
		this.progresses = progresses;
		this.channels = channels;
		this.properties = properties;
	}

	/**
	 * The stream of a callout.
	 * @param caller the member asking
	 * @param calloutId the callout
	 * @return the events, once the caller may see them; a {@code 404} problem, before
	 * anything is streamed, when the caller's organisation has no such callout
	 */
	Mono<Flux<ServerSentEvent<LiveEvent>>> follow(Caller caller, UUID calloutId) {
		return this.progresses.find(caller, calloutId)
			.thenReturn(this.channels.subscribe(calloutId)
				.flatMapMany((changes) -> events(caller, calloutId, changes))
				.takeUntilOther(this.closing.asMono())
				.transform((events) -> serverSent(events, this.properties.heartbeat(), this.properties.retry())));
	}

	// A stopping service ends its streams, so that the graceful shutdown need not wait
	// for them; clients reconnect to another replica.
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		this.closing.tryEmitEmpty();
	}

	// The snapshot is read only once Redis confirmed the subscription, so no change falls
	// between the two. concatMap reads the counts one change after the other, in order.
	private Flux<LiveEvent> events(Caller caller, UUID calloutId, Flux<LiveEventKind> changes) {
		return changes.startWith(LiveEventKind.SNAPSHOT)
			.concatMap(
					(kind) -> this.progresses.find(caller, calloutId).map((progress) -> LiveEvent.of(kind, progress)))
			.takeUntil(LiveEvent::last);
	}

	/**
	 * The events as server-sent events, numbered from 0, the first with the reconnection
	 * delay, with a heartbeat comment at the given interval until the events end.
	 * @param events the events
	 * @param heartbeat the interval of the heartbeat
	 * @param retry how long a client waits before it reconnects
	 * @return the server-sent events
	 */
	static Flux<ServerSentEvent<LiveEvent>> serverSent(Flux<LiveEvent> events, Duration heartbeat, Duration retry) {
		return events.index()
			.map((indexed) -> serverSent(indexed, retry))
			.publish((shared) -> Flux.merge(shared,
					// A client that does not keep up misses heartbeats rather than
					// failing.
					Flux.interval(heartbeat, heartbeat)
						.onBackpressureDrop()
						.map((tick) -> heartbeat())
						.takeUntilOther(shared.then())));
	}

	private static ServerSentEvent<LiveEvent> serverSent(Tuple2<Long, LiveEvent> indexed, Duration retry) {
		ServerSentEvent.Builder<LiveEvent> event = ServerSentEvent.builder(indexed.getT2())
			.id(String.valueOf(indexed.getT1()))
			.event(indexed.getT2().kind());
		return (indexed.getT1() == 0) ? event.retry(retry).build() : event.build();
	}

	private static ServerSentEvent<LiveEvent> heartbeat() {
		return ServerSentEvent.<LiveEvent>builder().comment(HEARTBEAT).build();
	}

}
