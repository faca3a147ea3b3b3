package org.zeitspende.dispatch.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.pool.Pool;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PoolShutdownException;
import reactor.pool.PooledRef;

import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;

/**
 * One provider's operator stack around its blocking SDK, from the inside out:
 * <ol>
 * <li>the call itself on a dedicated bounded scheduler, as many threads as the bulkhead
 * admits calls, each first waiting for room in the {@link PaceWindow};</li>
 * <li>the time limiter: no answer in time fails the attempt, with an unknown outcome when
 * the request had been handed over;</li>
 * <li>the circuit breaker, which counts {@link MessageNotSentException} and ignores
 * {@link MessageRejectedException} and {@link ProviderRateLimitedException}
 * (application.yml);</li>
 * <li>the bulkhead, which counts the calls running;</li>
 * <li>the rate limiter, which paces the calls to what the provider takes: a call waits
 * for its turn without holding a thread, and every retry waits for a turn of its
 * own;</li>
 * <li>a free call: beyond the bulkhead's limit a call waits, in order and without holding
 * a thread, until one ends, at most as long as for a turn of the rate limiter;</li>
 * <li>the retry with exponential backoff and jitter, for {@link NotAcceptedException}
 * only.</li>
 * </ol>
 * Every error leaves in our vocabulary: {@link MessageRejectedException} or
 * {@link MessageNotSentException}.
 */
public final class ProviderCalls {

	private static final Log log = LogFactory.getLog(ProviderCalls.class);

	private final String provider;

	private final Scheduler scheduler;

	private final TimeLimiter timeLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final RateLimiter rateLimiter;

	private final PaceWindow window;

	private final Retry retry;

	// As many as the bulkhead admits. Turned away instead, a call beyond them came back
	// as a retry, each with a turn of the rate limiter of its own, or as an ask put
	// off by the relay's backoff: a relay sends more at once than a provider takes
	// (email: four).
	private final Pool<Boolean> freeCalls;

	ProviderCalls(String provider, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker, Bulkhead bulkhead,
			RateLimiter rateLimiter, Retry retry) {
		this.provider = provider;
		this.timeLimiter = timeLimiter;
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.rateLimiter = rateLimiter;
		this.window = PaceWindow.of(rateLimiter.getRateLimiterConfig());
		this.retry = retry;
		int threads = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
		this.freeCalls = PoolBuilder.from(Mono.just(true))
			.sizeBetween(0, threads)
			.maxPendingAcquireUnbounded()
			.buildPool();
		// One queue for all threads, so that a call goes to the first thread that is free
		// (a bounded elastic scheduler queues on a busy one). It only fills while
		// threads are still stuck in calls the time limiter gave up. It is a scheduled
		// executor's queue, as Reactor's own schedulers use: submitting from an event
		// loop takes its lock only briefly, and BlockHound knows it (it reported a
		// LinkedBlockingQueue's).
		AtomicInteger counter = new AtomicInteger();
		ThreadFactory named = (task) -> {
			Thread thread = new Thread(task, provider + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.scheduler = Schedulers.fromExecutorService(new ScheduledThreadPoolExecutor(threads, named), provider);
	}

	/**
	 * Calls the provider through the whole stack; each retry is a new {@link Attempt}.
	 * @param <T> what the call returns
	 * @param reference our id of the message, for the log
	 * @param call the blocking call
	 * @param translator turns the SDK's exceptions into ours
	 * @return the result
	 */
	public <T> Mono<T> call(String reference, BlockingCall<T> call, ErrorTranslator translator) {
		return Mono.defer(() -> attempt(reference, call, translator))
			.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
			.onErrorMap(CallNotPermittedException.class, this::circuitOpen)
			.transformDeferred(BulkheadOperator.of(this.bulkhead))
			.onErrorMap(BulkheadFullException.class, this::busy)
			.transformDeferred(RateLimiterOperator.of(this.rateLimiter))
			.onErrorMap(RequestNotPermitted.class, this::noTurn)
			.transform(this::whenFree)
			.transformDeferred(RetryOperator.of(this.retry))
			.checkpoint("dispatch." + this.provider);
	}

	/**
	 * How long one attempt may take before the time limiter gives up on it.
	 * @return the time limit
	 */
	public Duration timeLimit() {
		return this.timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
	}

	/**
	 * How many calls may run at once.
	 * @return the bulkhead's limit, also the number of scheduler threads
	 */
	public int concurrency() {
		return this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
	}

	/**
	 * Stops the scheduler's threads; calls still waiting for a free call fail.
	 */
	public void dispose() {
		this.freeCalls.dispose();
		this.scheduler.dispose();
	}

	// As long as for a turn of the rate limiter at most; a call that waited longer, or
	// whose provider's calls were shut down meanwhile, provably sent nothing.
	private <T> Mono<T> whenFree(Mono<T> call) {
		Duration longest = this.rateLimiter.getRateLimiterConfig().getTimeoutDuration();
		return Mono.usingWhen(this.freeCalls.acquire(longest), (free) -> call, PooledRef::release)
			.onErrorMap((ex) -> ex instanceof PoolAcquireTimeoutException || ex instanceof PoolShutdownException,
					this::busy);
	}

	private <T> Mono<T> attempt(String reference, BlockingCall<T> call, ErrorTranslator translator) {
		Attempt attempt = new Attempt();
		return Mono.fromCallable(() -> run(reference, call, translator, attempt))
			.doOnCancel(attempt::abandon)
			.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class, this::busy)
			.transformDeferred(TimeLimiterOperator.of(this.timeLimiter))
			.onErrorMap(TimeoutException.class, (timeout) -> timedOut(timeout, attempt));
	}

	// An answer that comes after the time limit has nobody left to tell: it is logged,
	// and a failure then ends quietly instead of as a dropped error.
	private <T> T run(String reference, BlockingCall<T> call, ErrorTranslator translator, Attempt attempt) {
		if (!awaitWindow(attempt)) {
			return null;
		}
		try {
			T result = call.call(attempt);
			if (attempt.abandoned()) {
				log.warn(this.provider + " took message " + reference + " after the time limit of " + timeLimit() + ": "
						+ result);
			}
			return result;
		}
		catch (Exception ex) {
			RuntimeException translated = translate(ex, attempt, translator);
			if (attempt.abandoned()) {
				if (attempt.handedOver()) {
					log.warn(this.provider + " answered for message " + reference + " after the time limit of "
							+ timeLimit() + ": " + translated.getMessage());
				}
				return null;
			}
			throw translated;
		}
	}

	// Whether the call may go on: not when its time limit passed while it waited, as it
	// was then reported as never sent and may be tried again.
	private boolean awaitWindow(Attempt attempt) {
		try {
			this.window.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (!attempt.abandoned()) {
				throw new NotAcceptedException("Not sent: interrupted while waiting for its turn at " + this.provider,
						ex);
			}
		}
		return !attempt.abandoned();
	}

	private static RuntimeException translate(Exception ex, Attempt attempt, ErrorTranslator translator) {
		if (ex instanceof MessageRejectedException || ex instanceof MessageNotSentException) {
			return (RuntimeException) ex;
		}
		return translator.translate(ex, attempt);
	}

	// Decided by giving the attempt up: a thread that hands the message over later does
	// not send it, so "nothing had been sent yet" holds.
	private MessageNotSentException timedOut(TimeoutException timeout, Attempt attempt) {
		if (!attempt.abandon()) {
			return new MessageNotSentException(this.provider + " did not answer within " + timeLimit()
					+ " after the request was sent; the message may have been sent", true, timeout);
		}
		return new NotAcceptedException(
				this.provider + " did not answer within " + timeLimit() + "; nothing had been sent yet", timeout);
	}

	private MessageNotSentException circuitOpen(CallNotPermittedException ex) {
		return new MessageNotSentException(
				"Not sent: the circuit breaker for " + this.provider + " is open after too many failures", ex);
	}

	private MessageNotSentException noTurn(RequestNotPermitted ex) {
		return new NotAcceptedException(
				"Not sent: no turn within " + this.rateLimiter.getRateLimiterConfig().getTimeoutDuration()
						+ " at the pace set for " + this.provider,
				ex);
	}

	private MessageNotSentException busy(Throwable ex) {
		return new NotAcceptedException("Not sent: all " + concurrency() + " " + this.provider + " calls are busy", ex);
	}

	/**
	 * A blocking call to a provider's SDK.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	public interface BlockingCall<T> {

		/**
		 * Makes the call.
		 * @param attempt mark {@link Attempt#handOver()} right before the provider may
		 * get the message, and send nothing when it answers {@code false}
		 * @return the result
		 * @throws Exception whatever the SDK throws
		 */
		T call(Attempt attempt) throws Exception;

	}

	/**
	 * Turns a provider's exception into {@link MessageRejectedException} or
	 * {@link MessageNotSentException}.
	 */
	@FunctionalInterface
	public interface ErrorTranslator {

		/**
		 * Translates the exception.
		 * @param error what the SDK threw
		 * @param attempt the attempt it happened in
		 * @return the exception in our vocabulary
		 */
		RuntimeException translate(Exception error, Attempt attempt);

	}

}
