package org.zeitspende.confirmation;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.config.NaturalBatches;
import org.zeitspende.confirmation.ConfirmationRepository.SlotTaking;
import org.zeitspende.confirmation.ConfirmationRepository.Yes;

/**
 * Group commit for yeses: while a statement is running, new yeses wait, and the next
 * statement takes the slots of all waiting (up to {@code batch-size}) in one transaction;
 * a further one (up to {@code batches-at-once}) starts only while a full batch waits or
 * the latest has run for a while. A lone yes goes at once, and nobody is answered before
 * the commit that stored their yes. Should the statement fail, every yes in it fails;
 * none of them is stored.
 */
@Component
class SlotTakings {

	private final NaturalBatches<Yes, SlotTaking> batches;

	SlotTakings(ConfirmationRepository answers, ConfirmationProperties properties, MeterRegistry meters) {
		this.batches = new NaturalBatches<>("zeitspende.confirmation.batch", properties.batchSize(),
				properties.batchesAtOnce(), (yeses) -> takeAll(answers, yeses), meters);
	}

	/**
	 * Stores a first yes and takes a slot for it, together with the yeses waiting with
	 * it.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @param now when the helper answered
	 * @return what came of it, once committed
	 */
	Mono<SlotTaking> take(UUID calloutId, UUID helperId, Instant now) {
		return this.batches.get(new Yes(calloutId, helperId, now));
	}

	// The same helper's yes twice (a repeated click) goes into the statement once, and
	// both get its outcome: take_slots must not see a helper twice for one callout.
	private static Mono<Map<Yes, SlotTaking>> takeAll(ConfirmationRepository answers, List<Yes> yeses) {
		Map<Key, Yes> distinct = new LinkedHashMap<>();
		yeses.forEach((yes) -> distinct.putIfAbsent(new Key(yes.calloutId(), yes.helperId()), yes));
		List<Yes> sent = List.copyOf(distinct.values());
		return answers.takeAll(sent).map((takings) -> {
			Map<Key, SlotTaking> byKey = new HashMap<>();
			for (int i = 0; i < sent.size(); i++) {
				if (takings.get(i) != null) {
					byKey.put(new Key(sent.get(i).calloutId(), sent.get(i).helperId()), takings.get(i));
				}
			}
			Map<Yes, SlotTaking> answered = new HashMap<>();
			yeses.forEach((yes) -> {
				SlotTaking taking = byKey.get(new Key(yes.calloutId(), yes.helperId()));
				if (taking != null) {
					answered.put(yes, taking);
				}
			});
			return answered;
		});
	}

	private record Key(UUID calloutId, UUID helperId) {

	}

}
