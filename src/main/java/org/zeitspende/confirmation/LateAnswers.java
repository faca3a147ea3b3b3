package org.zeitspende.confirmation;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.config.NaturalBatches;
import org.zeitspende.confirmation.ConfirmationRepository.Late;
import org.zeitspende.confirmation.ConfirmationRepository.LateQuestion;

/**
 * What a yes that came too late, or one for a callout known to be full, needs to know
 * (the callout now, the helper's answers), read for the yeses of a surge together:
 * thousands of helpers who find a callout full at once cost a few hundred queries, not a
 * query each.
 */
@Component
class LateAnswers {

	private static final int QUESTIONS_PER_QUERY = 64;

	private static final int QUERIES_AT_ONCE = 4;

	private final NaturalBatches<LateQuestion, Late> batches;

	LateAnswers(ConfirmationRepository answers, MeterRegistry meters) {
		this.batches = new NaturalBatches<>("zeitspende.confirmation.late.reads", QUESTIONS_PER_QUERY, QUERIES_AT_ONCE,
				answers::lateAll, meters);
	}

	/**
	 * The callout's status now and the helper's answers to it and to similar callouts.
	 * @param calloutId the callout
	 * @param helperId the helper
	 * @param similarIds similar callouts whose answers matter too
	 * @return empty when the callout is unknown
	 */
	Mono<Late> of(UUID calloutId, UUID helperId, List<UUID> similarIds) {
		return this.batches.get(new LateQuestion(calloutId, helperId, similarIds));
	}

}
