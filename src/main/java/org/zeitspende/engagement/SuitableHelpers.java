package org.zeitspende.engagement;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.callout.HelperPseudonyms;
import org.zeitspende.helper.MatchProfile;
import org.zeitspende.helper.MatchProfiles;

/**
 * Registered helpers who would fit a requirement profile, ranked by the documented fit
 * score. Candidates are helpers who may be asked now (a verified channel, not paused) and
 * who do the profile's activity or go to one of its places; the first
 * {@value #CANDIDATES} of them are scored. Each shows under a keyed pseudonym of its own
 * in each profile, the one callout previews use.
 */
@Service
class SuitableHelpers {

	static final int CANDIDATES = 1000;

	private final RequirementProfiles profiles;

	private final MatchProfiles helpers;

	private final HelperPseudonyms pseudonyms;

	SuitableHelpers(RequirementProfiles profiles, MatchProfiles helpers, HelperPseudonyms pseudonyms) {
		this.profiles = profiles;
		this.helpers = helpers;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * The best fitting helpers first; ties by pseudonym, so that pages are stable.
	 */
	Mono<List<SuitableHelper>> ranked(UUID organisationId, UUID profileId, int limit, int offset) {
		return this.profiles.existing(organisationId, profileId)
			.flatMap((profile) -> this.helpers.active(profile.activity(), profile.places(), CANDIDATES)
				.map((helper) -> suitable(profile, helper))
				.collectList())
			.map((suitable) -> suitable.stream()
				.sorted(Comparator.comparingInt(SuitableHelper::score)
					.reversed()
					.thenComparing(SuitableHelper::pseudonym))
				.skip(offset)
				.limit(limit)
				.toList());
	}

	private SuitableHelper suitable(RequirementProfile profile, MatchProfile helper) {
		Fit fit = Fit.of(profile, Seeker.of(helper));
		return new SuitableHelper(pseudonym(profile.id(), helper.helperId()), fit.score(), fit.explanation());
	}

	private String pseudonym(UUID profileId, UUID helperId) {
		return "S-" + this.pseudonyms.of(profileId, helperId).substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
