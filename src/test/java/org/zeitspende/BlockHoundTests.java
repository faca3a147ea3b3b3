package org.zeitspende;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class BlockHoundTests {

	@Test
	void blockingOnANonBlockingThread_failsTheTest() {
		Mono.fromRunnable(() -> LockSupport.parkNanos(1_000))
			.subscribeOn(Schedulers.parallel())
			.as(StepVerifier::create)
			.expectError(BlockingOperationError.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void blockingOnTheBoundedElasticScheduler_isAllowed() {
		Mono.fromRunnable(() -> LockSupport.parkNanos(1_000))
			.subscribeOn(Schedulers.boundedElastic())
			.as(StepVerifier::create)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
