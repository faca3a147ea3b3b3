package org.zeitspende.callout;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.helper.CalloutCandidates;
import org.zeitspende.helper.Candidate;
import org.zeitspende.helper.CandidateCriteria;

/**
 * Who a callout would ask, as counts and pseudonymous ids. Nothing is sent and nothing is
 * stored.
 */
@Service
class CalloutPreviews {

	private final Callouts callouts;

	private final CalloutCandidates candidates;

	private final CalloutProperties properties;

	private final HelperPseudonyms pseudonyms;

	CalloutPreviews(Callouts callouts, CalloutCandidates candidates, CalloutProperties properties,
			HelperPseudonyms pseudonyms) {
		this.callouts = callouts;
		this.candidates = candidates;
		this.properties = properties;
		this.pseudonyms = pseudonyms;
	}

	Mono<CalloutPreview> preview(UUID organisationId, UUID calloutId, Instant now) {
		return this.callouts.existing(organisationId, calloutId)
			.flatMap((callout) -> this.candidates.find(criteria(callout, now))
				.collectList()
				.map((found) -> preview(callout.id(), openSlots(callout), found, now)));
	}

	/**
	 * Who a callout not created yet would ask: the same counts, without pseudonyms (there
	 * is no callout to scope them to).
	 * @param draft the callout as typed so far, valid
	 * @param now the time to judge quiet hours and pauses by
	 * @return the preview
	 */
	Mono<CalloutPreview> draft(NewCallout draft, Instant now) {
		CandidateCriteria criteria = new CandidateCriteria(draft.place(), draft.activity(), orEmpty(draft.languages()),
				orEmpty(draft.skills()), now);
		return this.candidates.find(criteria).collectList().map((found) -> preview(null, draft.needed(), found, now));
	}

	/**
	 * How many the first wave asks: enough that the open slots fill at the expected
	 * acceptance rate, within the configured maximum and the candidates there are.
	 * @param openSlots places still free
	 * @param candidates helpers who match
	 * @return the size of the first wave
	 */
	int firstWaveSize(int openSlots, int candidates) {
		if (openSlots <= 0) {
			return 0;
		}
		int wanted = (int) Math.ceil(openSlots / this.properties.expectedAcceptanceRate());
		return Math.min(Math.min(wanted, this.properties.maxWaveSize()), candidates);
	}

	private static int openSlots(Callout callout) {
		return (callout.status() == CalloutStatus.OPEN) ? callout.counts().open() : 0;
	}

	private static Set<String> orEmpty(List<String> codes) {
		return (codes != null) ? Set.copyOf(codes) : Set.of();
	}

	private CalloutPreview preview(UUID calloutId, int open, List<Candidate> found, Instant now) {
		int bySms = (int) found.stream().filter((candidate) -> candidate.channel() == Channel.SMS).count();
		int quiet = (int) found.stream().filter((candidate) -> candidate.quietAt(now)).count();
		int waveSize = firstWaveSize(open, found.size());
		List<String> pseudonyms = (calloutId == null) ? List.of()
				: found.stream()
					.map((candidate) -> this.pseudonyms.of(calloutId, candidate.helperId()))
					.sorted()
					.limit(waveSize)
					.toList();
		return new CalloutPreview(found.size(), bySms, found.size() - bySms, quiet, open, waveSize, pseudonyms);
	}

	private static CandidateCriteria criteria(Callout callout, Instant now) {
		return new CandidateCriteria(callout.place(), callout.activity(), Set.copyOf(callout.languages()),
				Set.copyOf(callout.skills()), now);
	}

}
