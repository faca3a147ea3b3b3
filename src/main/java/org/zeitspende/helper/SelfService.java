package org.zeitspende.helper;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.rotation.RotationIndex;
import org.zeitspende.security.Caller;
import org.zeitspende.security.Callers;
import org.zeitspende.security.Role;

/**
 * What a signed-in helper does with their own data: look at it, change preferences,
 * pause, give or withdraw consent, export everything, erase everything.
 */
@Service
class SelfService {

	private final SelfServiceRepository profiles;

	private final HelperRepository helpers;

	private final RegistrationChecks checks;

	private final RotationIndex rotation;

	private final HelperProperties properties;

	private final TransactionalOperator transactions;

	private final ObjectProvider<HelperDataExport> otherData;

	private final ObjectProvider<HelperDataErasure> otherErasures;

	SelfService(SelfServiceRepository profiles, HelperRepository helpers, RegistrationChecks checks,
			RotationIndex rotation, HelperProperties properties, TransactionalOperator transactions,
			ObjectProvider<HelperDataExport> otherData, ObjectProvider<HelperDataErasure> otherErasures) {
		this.profiles = profiles;
		this.helpers = helpers;
		this.checks = checks;
		this.rotation = rotation;
		this.properties = properties;
		this.transactions = transactions;
		this.otherData = otherData;
		this.otherErasures = otherErasures;
	}

	/**
	 * The helper signed in for this request, through a bearer token or the pages' session
	 * cookie.
	 * @return the helper's id; a {@link HelperNotFoundException} for any other caller
	 */
	static Mono<UUID> signedInHelper() {
		return Callers.current()
			.filter((caller) -> caller.has(Role.HELPER))
			.map(Caller::subject)
			.switchIfEmpty(Mono.error(HelperNotFoundException::new));
	}

	Mono<HelperProfile> profile(UUID helperId) {
		return this.profiles.profile(helperId).switchIfEmpty(Mono.error(HelperNotFoundException::new));
	}

	Mono<HelperProfile> updatePreferences(UUID helperId, HelperPreferences preferences) {
		return contact(helperId).flatMap((helper) -> this.checks.check(preferences, helper))
			.flatMap((choices) -> this.transactions.transactional(this.helpers.updateChoices(helperId, choices)))
			.then(profile(helperId));
	}

	Mono<HelperProfile> pause(UUID helperId, OffsetDateTime until) {
		if (until != null && !until.isAfter(OffsetDateTime.now())) {
			throw new InvalidRequestException("until", "must be in the future");
		}
		return this.profiles.pause(helperId, until).then(profile(helperId));
	}

	Mono<HelperProfile> grantConsent(UUID helperId, Channel channel, ConsentPurpose purpose, String textVersion) {
		if (!this.properties.consentTextVersion().equals(textVersion)) {
			throw new InvalidRequestException("textVersion",
					"must be the current version " + this.properties.consentTextVersion());
		}
		return contact(helperId).flatMap((helper) -> {
			if (helper.address(channel) == null) {
				return Mono.error(new InvalidRequestException("channel", "you have no " + channel + " contact"));
			}
			String action = helper.verified(channel) ? "CONFIRMED" : "GRANTED";
			return this.helpers.appendConsent(helperId, channel, purpose, action, textVersion, "PROFILE");
		}).then(profile(helperId));
	}

	Mono<HelperProfile> withdrawConsent(UUID helperId, Channel channel, ConsentPurpose purpose) {
		return contact(helperId)
			.flatMap((helper) -> this.helpers.appendConsent(helperId, channel, purpose, "WITHDRAWN",
					this.properties.consentTextVersion(), "PROFILE"))
			.then(profile(helperId));
	}

	/**
	 * Every row stored about the helper: this feature's, and those other features
	 * contribute through {@link HelperDataExport}.
	 */
	Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId) {
		Flux<Map<String, List<Map<String, Object>>>> parts = Flux.concat(this.profiles.export(helperId),
				Flux.fromStream(this.otherData::orderedStream).concatMap((part) -> part.export(helperId)));
		return contact(helperId).then(parts.collect(LinkedHashMap<String, List<Map<String, Object>>>::new, Map::putAll))
			.map(Collections::unmodifiableMap);
	}

	/**
	 * Erases the helper: this feature's rows, and in the same transaction what other
	 * features keep about the helper, through {@link HelperDataErasure}.
	 */
	Mono<Void> erase(UUID helperId) {
		Mono<Boolean> erasure = this.helpers.withdrawConsents(helperId, EnumSet.allOf(Channel.class), "ERASURE")
			.then(this.profiles.erase(helperId))
			.filter(Boolean::booleanValue)
			.flatMap((erased) -> Flux.fromStream(this.otherErasures::orderedStream)
				.concatMap((part) -> part.erase(helperId))
				.then(Mono.just(true)));
		return this.transactions.transactional(erasure)
			.switchIfEmpty(Mono.error(HelperNotFoundException::new))
			.then(this.rotation.remove(helperId))
			.then();
	}

	private Mono<HelperContact> contact(UUID helperId) {
		return this.helpers.findById(helperId).switchIfEmpty(Mono.error(HelperNotFoundException::new));
	}

}
