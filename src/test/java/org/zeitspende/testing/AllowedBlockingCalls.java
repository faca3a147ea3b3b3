package org.zeitspende.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Blocking calls allowed on non-blocking threads: loading a resource bundle once and
 * caching it, and looking up a static resource in the application jar (a short read from
 * the page cache that Spring WebFlux itself does on the event loop), the lock Lettuce
 * takes for a moment to queue a command, and the lock Spring Data Redis takes for a
 * moment to hand out the shared connection (opened at start-up, so nothing is connected
 * under it), which many requests sending Redis commands at once may wait on, the lock a
 * Caffeine cache takes for a moment to tidy up after writes, and the lock of the ring
 * buffer that keeps a Resilience4j instance's recent events (a call paced by the rate
 * limiter enters the bulkhead on Reactor's timer threads, many at once), and the
 * nanosecond back-off of the rate limiter's compare-and-set when calls race for a turn.
 * Everything else that blocks there fails the test that caused it. An allowed lock must
 * be allowed on every path to it: BlockHound's error thrown while a thread waits for a
 * {@code ReentrantLock} leaves the lock's queue without its next owner, so that the
 * threads queued behind wait forever.
 */
public class AllowedBlockingCalls implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
				"loadBundle");
		builder.allowBlockingCallsInside("org.springframework.web.reactive.resource.PathResourceResolver",
				"getResource");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
		// The whole hand-out: the factory and its shared connection each take the lock.
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"getReactiveConnection");
		// Both ways to the eviction lock: a writer helping out, and the tidy-up itself.
		builder.allowBlockingCallsInside("com.github.benmanes.caffeine.cache.BoundedLocalCache", "lock");
		builder.allowBlockingCallsInside("com.github.benmanes.caffeine.cache.BoundedLocalCache", "performCleanUp");
		builder.allowBlockingCallsInside("io.github.resilience4j.circularbuffer.ConcurrentEvictingQueue",
				"writeConcurrently");
		builder.allowBlockingCallsInside("io.github.resilience4j.circularbuffer.ConcurrentEvictingQueue",
				"readConcurrently");
		builder.allowBlockingCallsInside("io.github.resilience4j.circularbuffer.ConcurrentEvictingQueue",
				"readConcurrentlyWithoutSpin");
		builder.allowBlockingCallsInside("io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter",
				"compareAndSet");
		// Netty's adaptive buffer pool takes a magazine's lock briefly when it grows or
		// frees one, also on an event loop; Netty's own BlockHound rules miss this path.
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
				"tryExpandMagazines");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
	}

}
