package org.zeitspende.helper;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.ratelimit.RateLimitKey;
import org.zeitspende.ratelimit.RateLimiter;
import org.zeitspende.rotation.RotationIndex;

/**
 * The second step of the double opt-in: a link (email or SMS) or a six-digit code (SMS)
 * proves the helper receives messages there. Only then is the channel used.
 */
@Service
class Verifications {

	private static final List<TokenPurpose> LINK_PURPOSES = List.of(TokenPurpose.VERIFY_EMAIL,
			TokenPurpose.VERIFY_MOBILE);

	private final HelperTokens tokens;

	private final HelperRepository helpers;

	private final Contacts contacts;

	private final RateLimiter rateLimiter;

	private final RotationIndex rotation;

	private final HelperProperties properties;

	private final TransactionalOperator transactions;

	Verifications(HelperTokens tokens, HelperRepository helpers, Contacts contacts, RateLimiter rateLimiter,
			RotationIndex rotation, HelperProperties properties, TransactionalOperator transactions) {
		this.tokens = tokens;
		this.helpers = helpers;
		this.contacts = contacts;
		this.rateLimiter = rateLimiter;
		this.rotation = rotation;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Whether a verification link would still verify, without using it up.
	 * @param token from the link
	 * @return true while it is unused and not expired
	 */
	Mono<Boolean> linkUsable(String token) {
		return this.tokens.usable(token, LINK_PURPOSES);
	}

	Mono<Verified> verifyLink(String token) {
		Mono<Verified> verification = this.tokens.redeem(token, LINK_PURPOSES)
			.flatMap((redeemed) -> verify(redeemed, redeemed.purpose().verifiedChannel()));
		return this.transactions.transactional(verification)
			.switchIfEmpty(Mono.error(InvalidTokenException::new))
			.flatMap(this::joinRotation);
	}

	Mono<Verified> verifyCode(String mobile, String code) {
		String number = this.contacts.mobile("mobile", mobile);
		Mono<Verified> verification = this.helpers.findByMobile(number)
			.flatMap((helper) -> this.tokens.redeemCode(helper.id(), code, this.properties.maxCodeAttempts())
				.filter(Boolean::booleanValue)
				.flatMap((matched) -> verify(new HelperTokens.Redeemed(helper.id(), TokenPurpose.VERIFY_MOBILE),
						Channel.SMS)));
		return this.rateLimiter.consume(List.of(new RateLimitKey("code-attempts-per-recipient", number)))
			.then(this.transactions.transactional(verification))
			.switchIfEmpty(Mono.error(() -> new InvalidRequestException("code", "is wrong or has expired")))
			.flatMap(this::joinRotation);
	}

	private Mono<Verified> verify(HelperTokens.Redeemed redeemed, Channel channel) {
		return this.helpers.markVerified(redeemed.helperId(), channel)
			.filter(Boolean::booleanValue)
			.map((stillThere) -> new Verified(redeemed, channel));
	}

	private Mono<Verified> joinRotation(Verified verified) {
		return this.rotation.addIfAbsent(Flux.just(verified.redeemed().helperId())).thenReturn(verified);
	}

	/**
	 * A channel that was just verified.
	 *
	 * @param redeemed the token that verified it
	 * @param channel the channel
	 */
	record Verified(HelperTokens.Redeemed redeemed, Channel channel) {
	}

}
