package org.zeitspende.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that come while the calls run wait and go together, each key once; a lone
 * request goes at once, and a further call only for a full batch or after a slow call.
 */
class NaturalBatchesTests {

	private final List<List<String>> calls = new ArrayList<>();

	private final List<Sinks.One<Map<String, Integer>>> answers = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	// The patience runs on a clock that only the tests move.
	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private NaturalBatches<String, Integer> batches(int batchSize, int atOnce) {
		return new NaturalBatches<>("test.batch", batchSize, atOnce, (keys) -> {
			this.calls.add(keys);
			Sinks.One<Map<String, Integer>> answer = Sinks.one();
			this.answers.add(answer);
			return answer.asMono();
		}, this.meters, this.clock);
	}

	@Test
	void aLoneRequest_goesAtOnce() {
		NaturalBatches<String, Integer> batches = batches(10, 1);

		StepVerifier.create(batches.get("a"))
			.then(() -> assertThat(this.calls).containsExactly(List.of("a")))
			.then(() -> this.answers.get(0).tryEmitValue(Map.of("a", 1)))
			.expectNext(1)
			.verifyComplete();
	}

	@Test
	void requestsDuringACall_waitAndGoTogether_eachKeyOnce() {
		NaturalBatches<String, Integer> batches = batches(10, 1);
		List<Integer> got = new ArrayList<>();
		batches.get("a").subscribe(got::add);
		batches.get("b").subscribe(got::add);
		batches.get("c").subscribe(got::add);
		batches.get("b").subscribe(got::add);

		assertThat(this.calls).as("while the first call runs").containsExactly(List.of("a"));
		this.answers.get(0).tryEmitValue(Map.of("a", 1));

		assertThat(this.calls).containsExactly(List.of("a"), List.of("b", "c"));
		this.answers.get(1).tryEmitValue(Map.of("b", 2, "c", 3));
		assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 2);
		assertThat(this.meters.get("test.batch").summary().max()).isEqualTo(2);
	}

	@Test
	void aBatchIsCutAtItsSize_andTheRestGoesNext() {
		NaturalBatches<String, Integer> batches = batches(2, 1);
		batches.get("a").subscribe();
		batches.get("b").subscribe();
		batches.get("c").subscribe();
		batches.get("d").subscribe();

		this.answers.get(0).tryEmitValue(Map.of());
		assertThat(this.calls).containsExactly(List.of("a"), List.of("b", "c"));
		this.answers.get(1).tryEmitValue(Map.of());
		assertThat(this.calls).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
	}

	@Test
	void aFurtherCallStarts_onlyForAFullBatch() {
		NaturalBatches<String, Integer> batches = batches(2, 2);
		batches.get("a").subscribe();
		batches.get("b").subscribe();
		assertThat(this.calls).as("one waiting, less than a batch").containsExactly(List.of("a"));

		batches.get("c").subscribe();
		assertThat(this.calls).as("a full batch waiting").containsExactly(List.of("a"), List.of("b", "c"));

		batches.get("d").subscribe();
		batches.get("e").subscribe();
		batches.get("f").subscribe();
		assertThat(this.calls).as("two running, at most").hasSize(2);
		this.answers.get(0).tryEmitValue(Map.of());
		assertThat(this.calls).as("a full batch waiting again")
			.containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e"));
		this.answers.get(1).tryEmitValue(Map.of());
		assertThat(this.calls).as("one waiting, one running").hasSize(3);
		this.answers.get(2).tryEmitValue(Map.of());
		assertThat(this.calls).as("the rest, when none runs").hasSize(4).last().isEqualTo(List.of("f"));
	}

	@Test
	void aSlowCall_letsAFurtherOneStart_afterThePatience() {
		NaturalBatches<String, Integer> batches = batches(10, 2);
		batches.get("a").subscribe();
		batches.get("b").subscribe();
		this.clock.advanceTimeBy(Duration.ofMillis(NaturalBatches.PATIENCE_MILLIS - 1));
		assertThat(this.calls).as("within the patience").containsExactly(List.of("a"));

		this.clock.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.calls).as("after it").containsExactly(List.of("a"), List.of("b"));

		batches.get("c").subscribe();
		this.clock.advanceTimeBy(Duration.ofMillis(NaturalBatches.PATIENCE_MILLIS));
		assertThat(this.calls).as("two running, at most").hasSize(2);
		this.answers.get(0).tryEmitValue(Map.of());
		assertThat(this.calls).as("the latest call has run for the patience").hasSize(3).last().isEqualTo(List.of("c"));
	}

	@Test
	void aKeyWithoutAnswer_getsNothing_andAFailedCallFailsEveryRequestInIt() {
		NaturalBatches<String, Integer> batches = batches(10, 1);
		Mono<Integer> first = batches.get("a").cache();
		first.subscribe();
		Mono<Integer> second = batches.get("b").cache();
		second.subscribe();
		Mono<Integer> third = batches.get("c").cache();
		third.subscribe();

		this.answers.get(0).tryEmitEmpty();
		this.answers.get(1).tryEmitError(new IllegalStateException("down"));

		StepVerifier.create(first).verifyComplete();
		StepVerifier.create(second).verifyErrorMessage("down");
		StepVerifier.create(third).verifyErrorMessage("down");
	}

}
