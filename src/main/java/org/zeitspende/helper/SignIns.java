package org.zeitspende.helper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.ratelimit.RateLimitKey;
import org.zeitspende.ratelimit.RateLimiter;
import org.zeitspende.security.IssuedToken;
import org.zeitspende.security.TokenIssuer;

/**
 * Sign-in without a password: a link to a verified channel, exchanged once for a
 * short-lived token. Whether a contact is registered is never revealed.
 */
@Service
class SignIns {

	private final Contacts contacts;

	private final RateLimiter rateLimiter;

	private final HelperRepository helpers;

	private final HelperTokens tokens;

	private final HelperNotifier notifier;

	private final TokenIssuer tokenIssuer;

	private final HelperProperties properties;

	SignIns(Contacts contacts, RateLimiter rateLimiter, HelperRepository helpers, HelperTokens tokens,
			HelperNotifier notifier, TokenIssuer tokenIssuer, HelperProperties properties) {
		this.contacts = contacts;
		this.rateLimiter = rateLimiter;
		this.helpers = helpers;
		this.tokens = tokens;
		this.notifier = notifier;
		this.tokenIssuer = tokenIssuer;
		this.properties = properties;
	}

	Mono<Void> sendLink(SignInLinkRequest request, String clientAddress) {
		String email = this.contacts.email(request.email());
		String mobile = this.contacts.mobile("mobile", request.mobile());
		if ((email == null) == (mobile == null)) {
			throw new InvalidRequestException("email", "give either an email address or a mobile number");
		}
		Channel channel = (email != null) ? Channel.EMAIL : Channel.SMS;
		String contact = (email != null) ? email : mobile;
		Mono<HelperContact> helper = (email != null) ? this.helpers.findByEmail(email)
				: this.helpers.findByMobile(mobile);
		return this.rateLimiter.consume(limits(channel, contact, clientAddress))
			.then(helper)
			.filter((found) -> found.verified(channel))
			.flatMap(
					(found) -> this.tokens.issue(found.id(), TokenPurpose.SIGN_IN, this.properties.signInLinkLifetime())
						.flatMap((issued) -> this.notifier.sendSignIn(found, channel, issued)));
	}

	Mono<IssuedToken> exchange(String token) {
		return redeem(token)
			.flatMap((helperId) -> this.tokenIssuer.issueForHelper(helperId, this.properties.sessionLifetime()));
	}

	/**
	 * Whether a sign-in link would still sign in, without using it up.
	 * @param token from the link
	 * @return true while it is unused and not expired
	 */
	Mono<Boolean> usable(String token) {
		return this.tokens.usable(token, Set.of(TokenPurpose.SIGN_IN));
	}

	/**
	 * Uses up a sign-in link for one action in the browser.
	 * @param token from the link
	 * @return the helper it signs in
	 */
	Mono<UUID> redeem(String token) {
		return this.tokens.redeem(token, Set.of(TokenPurpose.SIGN_IN))
			.switchIfEmpty(Mono.error(InvalidTokenException::new))
			.map(HelperTokens.Redeemed::helperId);
	}

	private static List<RateLimitKey> limits(Channel channel, String contact, String clientAddress) {
		List<RateLimitKey> limits = new ArrayList<>();
		limits.add(new RateLimitKey("sign-in-link-per-ip", clientAddress));
		limits.add(new RateLimitKey("sign-in-link-per-recipient", contact));
		if (channel == Channel.SMS) {
			limits.add(new RateLimitKey("sms-global", "global"));
		}
		return limits;
	}

}
