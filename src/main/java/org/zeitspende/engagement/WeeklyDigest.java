package org.zeitspende.engagement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.ConsentPurpose;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.helper.MatchProfile;
import org.zeitspende.helper.MatchProfiles;

/**
 * The weekly digest: helpers who agreed to it by email (consent {@code DIGEST}) get the
 * open requirement profiles published since their last digest, at most the last 7 days,
 * that fit them with at least the configured score, best first, at most
 * {@value #MOST_PROFILES}. Nobody gets more than one digest per week (Monday to Sunday,
 * UTC): each replica may run the job, and the first to insert the helper's row for the
 * week sends it. Consent and the verified address are read again right before sending. A
 * digest that provably was not sent gives its claim up for a later run; one that may have
 * been sent is not sent again.
 */
@Component
class WeeklyDigest {

	static final int MOST_PROFILES = 10;

	private static final Duration WEEK = Duration.ofDays(7);

	private static final Log log = LogFactory.getLog(WeeklyDigest.class);

	private final RequirementProfiles profiles;

	private final MatchProfiles helpers;

	private final HelperContacts contacts;

	private final DigestRepository digests;

	private final DigestTexts texts;

	private final MessageSender sender;

	private final DigestProperties properties;

	WeeklyDigest(RequirementProfiles profiles, MatchProfiles helpers, HelperContacts contacts, DigestRepository digests,
			DigestTexts texts, MessageSender sender, DigestProperties properties) {
		this.profiles = profiles;
		this.helpers = helpers;
		this.contacts = contacts;
		this.digests = digests;
		this.texts = texts;
		this.sender = sender;
		this.properties = properties;
	}

	@Scheduled(cron = "${zeitspende.digest.cron}")
	Mono<Void> runOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return Mono.defer(() -> this.properties.enabled() ? run(Instant.now()) : Mono.empty()).then();
	}

	/**
	 * Sends the digests due at an instant.
	 * @param now the current instant
	 * @return how many digests were sent
	 */
	Mono<Long> run(Instant now) {
		Instant weekAgo = now.minus(WEEK);
		return Mono
			.zip(this.profiles.publishedBetween(weekAgo, now).collectList(), this.digests.lastClaimedAfter(weekAgo))
			.flatMapMany((found) -> this.helpers.consenting(Channel.EMAIL, ConsentPurpose.DIGEST)
				.map((helper) -> new Digest(helper.helperId(),
						fitting(helper, found.getT1(), found.getT2().getOrDefault(helper.helperId(), weekAgo)))))
			.filter((digest) -> !digest.profiles().isEmpty())
			.concatMap((digest) -> deliver(digest, weekOf(now), now))
			.filter(Boolean::booleanValue)
			.count();
	}

	private List<ScoredProfile> fitting(MatchProfile helper, List<RequirementProfile> published, Instant since) {
		Seeker seeker = Seeker.of(helper);
		return published.stream()
			.filter((profile) -> profile.createdAt().isAfter(since))
			.map((profile) -> ScoredProfile.of(profile, Fit.of(profile, seeker)))
			.filter((scored) -> scored.score() >= this.properties.minScore())
			.sorted(Comparator.comparing(ScoredProfile::score)
				.reversed()
				.thenComparing((scored) -> scored.profile().createdAt(), Comparator.reverseOrder()))
			.limit(MOST_PROFILES)
			.toList();
	}

	private Mono<Boolean> deliver(Digest digest, LocalDate week, Instant now) {
		UUID helperId = digest.helperId();
		return this.digests.claim(helperId, week, digest.profiles().size(), now)
			.filter(Boolean::booleanValue)
			.flatMap((claimed) -> this.contacts.addressWithConsent(helperId, Channel.EMAIL, ConsentPurpose.DIGEST)
				.switchIfEmpty(Mono.defer(() -> this.digests.release(helperId, week).then(Mono.empty()))))
			.map((address) -> this.texts.email(address, digest.profiles(), "digest-" + helperId + "-" + week))
			.flatMap((message) -> this.sender.send(message))
			.flatMap((sent) -> this.digests.sent(helperId, week, sent.providerId()).thenReturn(true))
			.onErrorResume(MessageRejectedException.class,
					(ex) -> this.digests.end(helperId, week, "FAILED", ex.reason() + ": " + ex.getMessage())
						.thenReturn(false))
			.onErrorResume(MessageNotSentException.class,
					(ex) -> (ex.outcomeUnknown() ? this.digests.end(helperId, week, "UNKNOWN", ex.getMessage())
							: this.digests.release(helperId, week))
						.thenReturn(false))
			.onErrorResume((ex) -> {
				log.warn("Digest for helper " + helperId + " left claimed after an unexpected failure: "
						+ ex.getMessage());
				return Mono.just(false);
			})
			.defaultIfEmpty(false);
	}

	private static LocalDate weekOf(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private record Digest(UUID helperId, List<ScoredProfile> profiles) {
	}

}
