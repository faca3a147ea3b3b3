package org.zeitspende.engagement;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.helper.HelperAddress;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.helper.MatchProfile;
import org.zeitspende.helper.MatchProfiles;

/**
 * Helpers' interest in requirement profiles: helpers express or withdraw it, the
 * organisation sees the interested helpers ranked by fit and accepts or declines them.
 */
@Service
class Interests {

	private final InterestRepository interests;

	private final RequirementProfiles profiles;

	private final MatchProfiles matchProfiles;

	private final HelperContacts contacts;

	private final InterestDecisionNotices notices;

	private final TransactionalOperator transaction;

	Interests(InterestRepository interests, RequirementProfiles profiles, MatchProfiles matchProfiles,
			HelperContacts contacts, InterestDecisionNotices notices, TransactionalOperator transaction) {
		this.interests = interests;
		this.profiles = profiles;
		this.matchProfiles = matchProfiles;
		this.contacts = contacts;
		this.notices = notices;
		this.transaction = transaction;
	}

	Mono<MyInterest> express(UUID helperId, UUID profileId, boolean shareContact) {
		return helper(helperId).then(this.profiles.published(profileId))
			.flatMap((profile) -> this.interests.express(profileId, helperId, shareContact)
				.switchIfEmpty(Mono.error(() -> EngagementProblem.notOpen(ProfileStatus.CLOSED)))
				.map((interest) -> new MyInterest(interest.id(), profile.id(), profile.title(), interest.shareContact(),
						interest.status(), interest.createdAt())));
	}

	/**
	 * What the helper looks for, from the helper's own profile.
	 */
	Mono<Seeker> seeker(UUID helperId) {
		return helper(helperId).map(Seeker::of);
	}

	Mono<Void> withdraw(UUID helperId, UUID profileId) {
		return this.interests.withdraw(profileId, helperId).then();
	}

	Mono<List<MyInterest>> mine(UUID helperId) {
		return this.interests.findByHelper(helperId).collectList();
	}

	/**
	 * The helper's interest in one profile.
	 * @return the interest, or empty when the helper expressed none
	 */
	Mono<MyInterest> mine(UUID helperId, UUID profileId) {
		return this.interests.findByHelper(helperId)
			.filter((interest) -> interest.profileId().equals(profileId))
			.next();
	}

	/**
	 * The helpers interested in a profile, best fit first, then the earliest interest.
	 * Erased helpers are left out.
	 */
	Mono<List<InterestedHelper>> ranked(UUID organisationId, UUID profileId) {
		return this.profiles.existing(organisationId, profileId)
			.zipWith(this.interests.findByProfile(organisationId, profileId).collectList())
			.flatMap((found) -> ranked(found.getT1(), found.getT2()));
	}

	/**
	 * Accepts or declines a pending interest; the first decision is told to the helper in
	 * the same transaction ({@link InterestDecisionNotices}), the same one again changes
	 * nothing.
	 */
	Mono<InterestedHelper> decide(UUID organisationId, UUID memberId, UUID profileId, UUID interestId,
			InterestStatus decision) {
		return this.interests.decide(organisationId, profileId, interestId, decision)
			.flatMap((changed) -> this.interests.find(organisationId, profileId, interestId)
				.map(decidedAs(decision))
				.zipWith(this.profiles.existing(organisationId, profileId))
				.flatMap((found) -> (changed == 0) ? Mono.just(found)
						: this.notices
							.tell(new InterestDecided(organisationId, memberId, found.getT1().helperId(),
									found.getT2().title(), decision == InterestStatus.ACCEPTED))
							.thenReturn(found)))
			.as(this.transaction::transactional)
			.switchIfEmpty(Mono.error(EngagementProblem::interestNotFound))
			.flatMap((found) -> ranked(found.getT2(), List.of(found.getT1())))
			.map((ranked) -> ranked.get(0));
	}

	private Mono<List<InterestedHelper>> ranked(RequirementProfile profile, List<Interest> interests) {
		List<UUID> helperIds = interests.stream().map(Interest::helperId).toList();
		return this.matchProfiles.of(helperIds)
			.collectMap(MatchProfile::helperId)
			.flatMap((offers) -> this.contacts.addressesFor(helperIds)
				.map((addresses) -> interests.stream()
					.filter((interest) -> offers.containsKey(interest.helperId()))
					.map((interest) -> view(profile, interest, offers, addresses))
					.sorted(Comparator.comparing(InterestedHelper::score)
						.reversed()
						.thenComparing(InterestedHelper::createdAt)
						.thenComparing(InterestedHelper::interestId))
					.toList()));
	}

	private static InterestedHelper view(RequirementProfile profile, Interest interest, Map<UUID, MatchProfile> offers,
			HelperContacts.Addresses addresses) {
		Fit fit = Fit.of(profile, Seeker.of(offers.get(interest.helperId())));
		String email = interest.shareContact() ? address(addresses, interest.helperId(), Channel.EMAIL) : null;
		String mobile = interest.shareContact() ? address(addresses, interest.helperId(), Channel.SMS) : null;
		return new InterestedHelper(interest.id(), interest.pseudonym(), fit.score(), fit.explanation(),
				interest.status(), interest.shareContact(), email, mobile, interest.createdAt(), fit);
	}

	private static String address(HelperContacts.Addresses addresses, UUID helperId, Channel channel) {
		return addresses.of(helperId, channel).map(HelperAddress::address).orElse(null);
	}

	private Mono<MatchProfile> helper(UUID helperId) {
		return this.matchProfiles.of(helperId).switchIfEmpty(Mono.error(EngagementProblem::helperNotFound));
	}

	private static Function<Interest, Interest> decidedAs(InterestStatus decision) {
		return (interest) -> {
			if (interest.status() != decision) {
				throw EngagementProblem.interestDecided();
			}
			return interest;
		};
	}

}
