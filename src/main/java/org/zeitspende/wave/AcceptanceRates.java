package org.zeitspende.wave;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.callout.CalloutNeeds;
import org.zeitspende.callout.FinishedCallout;

/**
 * The share of asked helpers expected to say yes, learned per activity: helpers who
 * confirmed over helpers asked, in the activity's latest finished callouts, blended with
 * the initial rate while there are few of them.
 */
@Component
class AcceptanceRates {

	private final CalloutNeeds callouts;

	private final WaveRepository waves;

	private final WaveProperties properties;

	AcceptanceRates(CalloutNeeds callouts, WaveRepository waves, WaveProperties properties) {
		this.callouts = callouts;
		this.waves = waves;
		this.properties = properties;
	}

	Mono<Double> expected(String activity) {
		return this.callouts.finished(activity, this.properties.history())
			.collectList()
			.flatMap(this::learnedFrom)
			.defaultIfEmpty(this.properties.initialAcceptanceRate());
	}

	// Only callouts that asked in waves count: one filled without asks says nothing.
	private Mono<Double> learnedFrom(List<FinishedCallout> finished) {
		if (finished.isEmpty()) {
			return Mono.empty();
		}
		return this.waves.asked(finished.stream().map(FinishedCallout::id).toArray(UUID[]::new))
			.collectMap(WaveRepository.CalloutAsks::calloutId, WaveRepository.CalloutAsks::asked)
			.map((asked) -> rate(finished, asked));
	}

	private double rate(List<FinishedCallout> finished, Map<UUID, Integer> asked) {
		long confirmed = finished.stream()
			.filter((callout) -> asked.containsKey(callout.id()))
			.mapToLong(FinishedCallout::filled)
			.sum();
		long asks = asked.values().stream().mapToLong(Integer::longValue).sum();
		return this.properties.acceptanceRate(confirmed, asks);
	}

}
