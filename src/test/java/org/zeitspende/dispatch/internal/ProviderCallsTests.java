package org.zeitspende.dispatch.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;

import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageRejectedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator stack every provider shares, with a call that blocks on a latch instead of
 * a provider.
 */
class ProviderCallsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration TIME_LIMIT = Duration.ofMillis(200);

	// Long against the scheduling delays of a loaded machine: a first call that starts
	// late on its thread shortens the measured span by that delay.
	private static final Duration TURN = Duration.ofMillis(200);

	private final ProviderCalls calls = resilience(4, RateLimiterRegistry.ofDefaults()).callsFor("test");

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger finished = new AtomicInteger();

	@AfterEach
	void releaseAndDispose() {
		this.release.countDown();
		this.calls.dispose();
	}

	@Test
	void call_runsOnTheProvidersOwnThreads() {
		this.calls.call("r1", (attempt) -> Thread.currentThread().getName(), ProviderCallsTests::unexpected)
			.as(StepVerifier::create)
			.assertNext((thread) -> assertThat(thread).startsWith("test-"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void timeLimitBeforeHandOver_provablySentNothing_andIsRetried() {
		this.calls.call("r2", (attempt) -> waitForRelease(), ProviderCallsTests::unexpected)
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(NotAcceptedException.class)
				.hasMessageContaining("nothing had been sent"))
			.verify(TIMEOUT);
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void timeLimitAfterHandOver_hasAnUnknownOutcome_andIsNotRetried() {
		this.calls.call("r3", (attempt) -> {
			attempt.handOver();
			return waitForRelease();
		}, ProviderCallsTests::unexpected)
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MessageNotSentException.class,
					(notSent) -> assertThat(notSent.outcomeUnknown()).isTrue()))
			.verify(TIMEOUT);
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void callThatReachesItsHandOverAfterTheTimeLimit_sendsNothing() {
		AtomicInteger sent = new AtomicInteger();
		this.calls.call("r7", (attempt) -> {
			this.attempts.incrementAndGet();
			// Like a connect that an interrupt does not stop.
			awaitReleaseUninterruptibly();
			if (attempt.handOver()) {
				sent.incrementAndGet();
			}
			this.finished.incrementAndGet();
			return "sent";
		}, ProviderCallsTests::unexpected)
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(NotAcceptedException.class)
				.hasMessageContaining("nothing had been sent"))
			.verify(TIMEOUT);
		this.release.countDown();
		// Retries may queue behind the stuck thread and end before they start.
		Awaitility.await().atMost(TIMEOUT).until(() -> this.finished.get() == this.attempts.get());
		assertThat(this.attempts).hasPositiveValue();
		assertThat(sent).hasValue(0);
	}

	@Test
	void rejection_isNotRetried() {
		ProviderCalls.ErrorTranslator refuse = (error, attempt) -> new MessageRejectedException(Reason.REJECTED,
				"refused");
		this.calls.call("r4", (attempt) -> {
			this.attempts.incrementAndGet();
			throw new IllegalStateException("provider said no");
		}, refuse).as(StepVerifier::create).expectError(MessageRejectedException.class).verify(TIMEOUT);
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void callsBeyondTheConcurrency_waitForAFreeOne_andEachRunsOnce() {
		ProviderCalls narrow = resilience(2, RateLimiterRegistry.ofDefaults()).callsFor("narrow");
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		try {
			Flux.range(0, 8).flatMap((i) -> narrow.call("w" + i, (attempt) -> {
				this.attempts.incrementAndGet();
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				// A provider's answer time, well within the time limit.
				LockSupport.parkNanos(TIME_LIMIT.toNanos() / 8);
				running.decrementAndGet();
				return i;
			}, ProviderCallsTests::unexpected), 8)
				.as(StepVerifier::create)
				.expectNextCount(8)
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			narrow.dispose();
		}
		assertThat(this.attempts).as("none turned away and tried again").hasValue(8);
		assertThat(mostAtOnce).hasValue(2);
	}

	@Test
	void callWaitingForAFreeOne_whenTheCallsAreShutDown_provablySentNothing() {
		ProviderCalls narrow = resilience(1, RateLimiterRegistry.ofDefaults()).callsFor("narrow");
		narrow.call("busy", (attempt) -> waitForRelease(), ProviderCallsTests::unexpected).subscribe();

		narrow.call("w", (attempt) -> "never", ProviderCallsTests::unexpected)
			.as(StepVerifier::create)
			.then(narrow::dispose)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOf(NotAcceptedException.class).hasMessageContaining("busy"))
			.verify(TIMEOUT);
	}

	@Test
	void pacedCalls_startOneTurnApart_withoutWaitingOnTheProvidersThreads() {
		ProviderCalls paced = resilience(4, RateLimiterRegistry
			.of(RateLimiterConfig.custom().limitForPeriod(1).limitRefreshPeriod(TURN).timeoutDuration(TIMEOUT).build()))
			.callsFor("paced");
		List<Long> starts = new CopyOnWriteArrayList<>();
		try {
			Flux.range(0, 6)
				.flatMap((i) -> paced.call("p" + i, (attempt) -> starts.add(System.nanoTime()),
						ProviderCallsTests::unexpected))
				.as(StepVerifier::create)
				.expectNextCount(6)
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			paced.dispose();
		}
		List<Long> sorted = starts.stream().sorted().toList();
		// One turn per limit-refresh-period: six calls span at least five periods, less
		// a little for a first turn that came early in its period.
		assertThat(Duration.ofNanos(sorted.get(5) - sorted.get(0))).isGreaterThan(TURN.multipliedBy(4));
	}

	@Test
	void lateAnswer_afterTheTimeLimit_isNotReportedAsADroppedError() {
		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try {
			this.calls.call("r6", (attempt) -> {
				attempt.handOver();
				return waitForRelease();
			}, ProviderCallsTests::unexpected)
				.as(StepVerifier::create)
				.expectError(MessageNotSentException.class)
				.verify(TIMEOUT);
			Awaitility.await().atMost(TIMEOUT).untilAtomic(this.finished, Matchers.equalTo(1));
			assertThat(dropped).isEmpty();
		}
		finally {
			Hooks.resetOnErrorDropped();
		}
	}

	private String waitForRelease() throws InterruptedException {
		this.attempts.incrementAndGet();
		try {
			this.release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return "late";
		}
		finally {
			this.finished.incrementAndGet();
		}
	}

	private void awaitReleaseUninterruptibly() {
		boolean interrupted = false;
		while (true) {
			try {
				this.release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static RuntimeException unexpected(Exception error, Attempt attempt) {
		return new IllegalStateException("unexpected", error);
	}

	private static ProviderResilience resilience(int concurrency, RateLimiterRegistry rateLimiters) {
		return new ProviderResilience(
				CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
					.recordExceptions(MessageNotSentException.class)
					.ignoreExceptions(MessageRejectedException.class)
					.build()),
				BulkheadRegistry
					.of(BulkheadConfig.custom().maxConcurrentCalls(concurrency).maxWaitDuration(Duration.ZERO).build()),
				TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(TIME_LIMIT).build()), rateLimiters,
				RetryRegistry.of(RetryConfig.custom()
					.maxAttempts(3)
					.waitDuration(Duration.ofMillis(1))
					.retryExceptions(NotAcceptedException.class)
					.build()));
	}

}
