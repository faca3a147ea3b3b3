package org.zeitspende.helper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.ratelimit.RateLimitKey;
import org.zeitspende.ratelimit.RateLimiter;

/**
 * Registers helpers with double opt-in per channel. A contact that is already registered
 * gets a reminder instead (a new verification, or a sign-in link when verified), and the
 * answer is the same either way, so that nobody learns who is registered.
 */
@Service
class Registrations {

	private final RegistrationChecks checks;

	private final RateLimiter rateLimiter;

	private final HelperRepository helpers;

	private final HelperTokens tokens;

	private final HelperNotifier notifier;

	private final HelperProperties properties;

	private final TransactionalOperator transactions;

	Registrations(RegistrationChecks checks, RateLimiter rateLimiter, HelperRepository helpers, HelperTokens tokens,
			HelperNotifier notifier, HelperProperties properties, TransactionalOperator transactions) {
		this.checks = checks;
		this.rateLimiter = rateLimiter;
		this.helpers = helpers;
		this.tokens = tokens;
		this.notifier = notifier;
		this.properties = properties;
		this.transactions = transactions;
	}

	Mono<RegistrationAccepted> register(HelperRegistration registration, String clientAddress) {
		return this.checks.check(registration)
			.flatMap((helper) -> this.rateLimiter.consume(limits(helper, clientAddress)).thenReturn(helper))
			.flatMap((helper) -> registeredContacts(helper).collectList()
				.flatMap((registered) -> registered.isEmpty() ? create(helper) : remind(registered))
				.thenReturn(new RegistrationAccepted("VERIFICATION_SENT", helper.channels())));
	}

	private Mono<Void> create(NewHelper helper) {
		Mono<UUID> insert = this.helpers.insert(helper);
		return this.transactions
			.transactional(insert.flatMap((id) -> Flux.fromIterable(helper.channels())
				.concatMap((channel) -> issueVerification(id, channel).map((issued) -> new Pending(channel, issued)))
				.collectList()
				.map((pending) -> new Created(id, pending))))
			.flatMap((created) -> this.helpers.findById(created.id())
				.flatMap((contact) -> Flux.fromIterable(created.pending())
					.concatMap(
							(pending) -> this.notifier.sendVerification(contact, pending.channel(), pending.issued()))
					.then()));
	}

	// Someone registers a contact we know: nothing is changed, the owner of the contact
	// is reminded.
	private Mono<Void> remind(List<Registered> registered) {
		return Flux.fromIterable(registered).concatMap(this::remind).then();
	}

	private Mono<Void> remind(Registered registered) {
		HelperContact helper = registered.helper();
		Channel channel = registered.channel();
		if (helper.verified(channel)) {
			return this.tokens.issue(helper.id(), TokenPurpose.SIGN_IN, this.properties.signInLinkLifetime())
				.flatMap((issued) -> this.notifier.sendSignIn(helper, channel, issued));
		}
		return issueVerification(helper.id(), channel)
			.flatMap((issued) -> this.notifier.sendVerification(helper, channel, issued));
	}

	private Mono<HelperTokens.Issued> issueVerification(UUID helperId, Channel channel) {
		return this.tokens.issue(helperId, TokenPurpose.verify(channel), this.properties.verificationLinkLifetime());
	}

	private Flux<Registered> registeredContacts(NewHelper helper) {
		Mono<Registered> byEmail = (helper.email() != null)
				? this.helpers.findByEmail(helper.email()).map((found) -> new Registered(Channel.EMAIL, found))
				: Mono.empty();
		Mono<Registered> byMobile = (helper.mobile() != null)
				? this.helpers.findByMobile(helper.mobile()).map((found) -> new Registered(Channel.SMS, found))
				: Mono.empty();
		return Flux.concat(byEmail, byMobile);
	}

	static List<RateLimitKey> limits(NewHelper helper, String clientAddress) {
		List<RateLimitKey> limits = new ArrayList<>();
		limits.add(new RateLimitKey("registration-per-ip", clientAddress));
		if (helper.email() != null) {
			limits.add(new RateLimitKey("verification-per-recipient", helper.email()));
		}
		if (helper.mobile() != null) {
			limits.add(new RateLimitKey("verification-per-recipient", helper.mobile()));
			limits.add(new RateLimitKey("verification-per-prefix", Contacts.prefix(helper.mobile())));
			limits.add(new RateLimitKey("sms-global", "global"));
		}
		return limits;
	}

	/**
	 * The answer to a registration.
	 *
	 * @param status always VERIFICATION_SENT
	 * @param channels where to look for the message
	 */
	record RegistrationAccepted(String status, List<Channel> channels) {
	}

	private record Pending(Channel channel, HelperTokens.Issued issued) {
	}

	private record Created(UUID id, List<Pending> pending) {
	}

	private record Registered(Channel channel, HelperContact helper) {
	}

}
