package org.zeitspende.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class DueBatchesTests {

	private final AtomicInteger claims = new AtomicInteger();

	private final AtomicLong claimed = new AtomicLong();

	@Test
	void claim_claimsTheNextBatch_whileTheRowsOfOneAreAskedFor() {
		Flux<Integer> rows = DueBatches.claim(() -> batchOf(3, 3), 3, Flux::fromIterable, this.claimed);

		StepVerifier.create(rows, 1)
			.expectNext(1)
			.then(() -> assertThat(this.claims).as("the first batch and the next one").hasValue(2))
			.thenRequest(2)
			.expectNext(2, 3)
			// Its rows are not asked for yet: no third claim.
			.then(() -> assertThat(this.claims).hasValue(2))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(8)
			.verifyComplete();
		assertThat(this.claimed).hasValue(11);
		assertThat(this.claims).as("until one comes back short").hasValue(4);
	}

	@Test
	void claim_failedClaimAhead_failsThePollOnlyAfterTheBatchBefore() {
		List<Flux<Integer>> batches = new ArrayList<>(
				List.of(Flux.just(1, 2), Flux.error(new IllegalStateException("PostgreSQL gone"))));
		Flux<Integer> rows = DueBatches.claim(() -> Flux.defer(() -> {
			this.claims.incrementAndGet();
			return batches.remove(0);
		}), 2, Flux::fromIterable, this.claimed);

		StepVerifier.create(rows).expectNext(1, 2).verifyErrorMessage("PostgreSQL gone");
		assertThat(this.claims).hasValue(2);
	}

	// Claims full batches of numbered rows, then one short; a claim counts when it runs.
	private Flux<Integer> batchOf(int size, int fullBatches) {
		return Flux.defer(() -> {
			int batch = this.claims.getAndIncrement();
			return Flux.range(batch * size + 1, (batch < fullBatches) ? size : size - 1);
		});
	}

}
