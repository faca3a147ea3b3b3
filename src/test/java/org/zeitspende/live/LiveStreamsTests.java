package org.zeitspende.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import org.springframework.http.codec.ServerSentEvent;
import org.zeitspende.callout.CalloutCounts;
import org.zeitspende.callout.CalloutStatus;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStreamsTests {

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final Duration RETRY = Duration.ofSeconds(3);

	private static final CalloutCounts COUNTS = new CalloutCounts(4, 2, 1, 1, 1);

	@Test
	void serverSent_numbersEvents_setsRetryOnTheFirst_andBeatsWhileIdle() {
		TestPublisher<LiveEvent> events = TestPublisher.create();

		StepVerifier.withVirtualTime(() -> LiveStreams.serverSent(events.flux(), HEARTBEAT, RETRY))
			.then(() -> events.next(event("snapshot")))
			.assertNext((snapshot) -> {
				assertThat(snapshot.id()).isEqualTo("0");
				assertThat(snapshot.event()).isEqualTo("snapshot");
				assertThat(snapshot.retry()).isEqualTo(RETRY);
				assertThat(snapshot.data()).isEqualTo(event("snapshot"));
			})
			.thenAwait(HEARTBEAT)
			.assertNext(LiveStreamsTests::assertHeartbeat)
			.then(() -> events.next(event("confirmed")))
			.assertNext((confirmed) -> {
				assertThat(confirmed.id()).isEqualTo("1");
				assertThat(confirmed.event()).isEqualTo("confirmed");
				assertThat(confirmed.retry()).isNull();
			})
			.thenAwait(HEARTBEAT)
			.assertNext(LiveStreamsTests::assertHeartbeat)
			.then(events::complete)
			.verifyComplete();
	}

	@Test
	void serverSent_stopsBeatingWhenTheEventsEnd() {
		StepVerifier.withVirtualTime(() -> LiveStreams.serverSent(Flux.just(event("snapshot")), HEARTBEAT, RETRY))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void last_isCancelledOrExpired_orASnapshotOfAnEndedCallout() {
		assertThat(event("cancelled").last()).isTrue();
		assertThat(event("expired").last()).isTrue();
		assertThat(new LiveEvent("snapshot", CalloutStatus.EXPIRED, COUNTS).last()).isTrue();
		assertThat(new LiveEvent("confirmed", CalloutStatus.CANCELLED, COUNTS).last()).isFalse();
		assertThat(event("filled").last()).isFalse();
		assertThat(event("exhausted").last()).isFalse();
	}

	@Test
	void wireNames_areTheKindsInLowerCase_andUnknownNamesAreNone() {
		assertThat(LiveEventKind.fromWireName("withdrawn")).isEqualTo(LiveEventKind.WITHDRAWN);
		assertThat(LiveEventKind.fromWireName("WITHDRAWN")).isNull();
		assertThat(LiveEventKind.fromWireName("rescheduled")).isNull();
	}

	private static void assertHeartbeat(ServerSentEvent<LiveEvent> heartbeat) {
		assertThat(heartbeat.comment()).isEqualTo(LiveStreams.HEARTBEAT);
		assertThat(heartbeat.event()).isNull();
		assertThat(heartbeat.data()).isNull();
	}

	private static LiveEvent event(String kind) {
		return new LiveEvent(kind, CalloutStatus.OPEN, COUNTS);
	}

}
