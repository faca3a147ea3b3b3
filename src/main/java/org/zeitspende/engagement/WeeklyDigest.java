package org.zeitspende.engagement;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zeitspende.ask.AskOutbox;
import org.zeitspende.config.FailureStreak;
import org.zeitspende.config.ScheduledJob;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageSender;
import org.zeitspende.helper.ConsentPurpose;
import org.zeitspende.helper.HelperAddress;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.helper.MatchProfile;
import org.zeitspende.helper.MatchProfiles;

/**
 * The weekly digest: helpers who agreed to it by email (consent {@code DIGEST}) get the
 * open requirement profiles published since their last digest, at most the last 7 days,
 * that fit them with at least the configured score, best first, at most
 * {@value #MOST_PROFILES}. Nobody gets more than one digest per week (Monday to Sunday,
 * UTC): each replica may run the job, and the first to insert the helper's row for the
 * week sends it.
 * <p>
 * Right before sending, everything that decided who gets one is read again: not erased,
 * not paused, a verified address, confirmed consent, and an ask budget that is not used
 * up (as many asks in the last seven days as the helper allows a week; a budget of zero
 * is always used up). The digest asks for nothing at a given time, so it does not count
 * against the budget, but a helper who already had all the asks they want gets no digest
 * on top: the claim is given up, and a later run of the same week sends the digest once
 * the budget has room again. A digest that provably was not sent gives its claim up as
 * well; one that may have been sent is not sent again.
 */
@Component
class WeeklyDigest {

	static final int MOST_PROFILES = 10;

	private static final Duration WEEK = Duration.ofDays(7);

	private static final Log log = LogFactory.getLog(WeeklyDigest.class);

	private final ScheduledJob job = new ScheduledJob(log, "Sending the weekly digests");

	// A fault that meets every digest, PostgreSQL gone mid-run say, would log a line per
	// helper.
	private final FailureStreak unexpected = new FailureStreak(log, "Sending single digests", "digest",
			Clock.systemUTC());

	private final RequirementProfiles profiles;

	private final MatchProfiles helpers;

	private final HelperContacts contacts;

	private final AskOutbox asks;

	private final DigestRepository digests;

	private final DigestTexts texts;

	private final MessageSender sender;

	private final DigestProperties properties;

	WeeklyDigest(RequirementProfiles profiles, MatchProfiles helpers, HelperContacts contacts, AskOutbox asks,
			DigestRepository digests, DigestTexts texts, MessageSender sender, DigestProperties properties) {
		this.profiles = profiles;
		this.helpers = helpers;
		this.contacts = contacts;
		this.asks = asks;
		this.digests = digests;
		this.texts = texts;
		this.sender = sender;
		this.properties = properties;
	}

	@Scheduled(cron = "${zeitspende.digest.cron}")
	Mono<Void> runOnSchedule() {
		// Spring calls this once and subscribes to the result on every run: the time is
		// taken per run.
		return this.job.run(Mono.defer(() -> this.properties.enabled() ? run(Instant.now()) : Mono.empty()));
	}

	/**
	 * Sends the digests due at an instant.
	 * @param now the current instant
	 * @return how many digests were sent
	 */
	Mono<Long> run(Instant now) {
		return due(now).concatMap((digest) -> deliver(digest, now)).filter(Boolean::booleanValue).count();
	}

	/**
	 * The digests a run plans: one per helper who agreed to it and has new fitting
	 * profiles. Sending them one after the other takes a while, so {@link #deliver}
	 * checks each helper again.
	 * @param now the current instant
	 * @return the digests, one per helper
	 */
	Flux<Digest> due(Instant now) {
		Instant weekAgo = now.minus(WEEK);
		return Mono
			.zip(this.profiles.publishedBetween(weekAgo, now).collectList(), this.digests.lastClaimedAfter(weekAgo))
			.flatMapMany((found) -> this.helpers.consenting(Channel.EMAIL, ConsentPurpose.DIGEST)
				.map((helper) -> new Digest(helper.helperId(),
						fitting(helper, found.getT1(), found.getT2().getOrDefault(helper.helperId(), weekAgo)))))
			.filter((digest) -> !digest.profiles().isEmpty());
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

	/**
	 * Claims the helper's digest of the week and sends it, if the helper still may get
	 * it.
	 * @param digest the digest planned
	 * @param now the current instant
	 * @return whether it was sent
	 */
	Mono<Boolean> deliver(Digest digest, Instant now) {
		UUID helperId = digest.helperId();
		LocalDate week = weekOf(now);
		return this.digests.claim(helperId, week, digest.profiles().size(), now)
			.filter(Boolean::booleanValue)
			.flatMap((claimed) -> stillDue(helperId, now)
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
			.doOnSuccess((handled) -> this.unexpected.succeeded())
			.onErrorResume((ex) -> {
				this.unexpected.failed(ex,
						(before) -> log.warn("Digest for helper " + helperId
								+ " not sent after an unexpected failure (a claim taken stays): "
								+ FailureStreak.reason(ex) + before));
				return Mono.just(false);
			})
			.defaultIfEmpty(false);
	}

	// Read again at sending: since the run began the helper may have paused, been
	// erased, lost the verified address, withdrawn the consent or been asked up to the
	// budget.
	private Mono<HelperAddress> stillDue(UUID helperId, Instant now) {
		return this.helpers.consenting(helperId, Channel.EMAIL, ConsentPurpose.DIGEST)
			.filterWhen((helper) -> this.asks.budgetUsedUp(Map.of(helperId, helper.maxAsksPerWeek()), now)
				.map(Set::isEmpty))
			.flatMap((helper) -> this.contacts.addressWithConsent(helperId, Channel.EMAIL, ConsentPurpose.DIGEST));
	}

	private static LocalDate weekOf(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	record Digest(UUID helperId, List<ScoredProfile> profiles) {
	}

}
