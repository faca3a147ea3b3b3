package org.zeitspende.ask;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.dispatch.DeliveryFailure;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.helper.HelperAddress;
import org.zeitspende.helper.HelperContacts;
import org.zeitspende.helper.SmsConsent;

/**
 * What happens to an SMS ask that cannot reach the helper. An opted-out number (Twilio
 * 21610) loses its SMS consents; a number that cannot take SMS (21211, 21614, 21635,
 * 30005, 30006) needs verifying again; a handset out of reach (30003) gets one more SMS
 * later. Then the same ask goes by email, if the helper has a verified address with
 * consent to be asked there; else it fails.
 */
@Component
class SmsFallback {

	private static final List<AskStatus> CLAIMED = List.of(AskStatus.SENDING);

	private static final List<AskStatus> SENT_OR_UNKNOWN = List.of(AskStatus.SENT, AskStatus.UNKNOWN);

	private final AskRepository asks;

	private final HelperContacts contacts;

	private final SmsConsent smsConsent;

	private final AskProperties properties;

	SmsFallback(AskRepository asks, HelperContacts contacts, SmsConsent smsConsent, AskProperties properties) {
		this.asks = asks;
		this.contacts = contacts;
		this.smsConsent = smsConsent;
		this.properties = properties;
	}

	/**
	 * The provider refused a claimed SMS ask for good.
	 * @param ask the ask
	 * @param mobile where it was sent
	 * @param refusal the provider's refusal
	 * @return where the ask stands now
	 */
	Mono<AskStatus> refused(ClaimedAsk ask, HelperAddress mobile, MessageRejectedException refusal) {
		String error = refusal.reason() + ": " + refusal.getMessage();
		Mono<?> consequence = switch (refusal.reason()) {
			case OPTED_OUT -> this.smsConsent.optOut(mobile.address());
			case INVALID_RECIPIENT -> this.contacts.mobileUnreachable(ask.helperId(), mobile.address());
			case REJECTED -> null;
		};
		if (consequence == null) {
			return fail(ask.id(), CLAIMED, error);
		}
		return consequence.then(toEmail(ask.id(), ask.helperId(), CLAIMED, error));
	}

	/**
	 * The provider reported that a sent SMS ask did not arrive. Reports about an earlier
	 * message of the ask, and repeated reports, change nothing.
	 * @param askId the ask
	 * @param providerId the provider's id of the message
	 * @param failure why it did not arrive
	 * @param error what to record
	 * @param now the current instant
	 * @return completes when done
	 */
	Mono<Void> undelivered(UUID askId, String providerId, DeliveryFailure failure, String error, Instant now) {
		return this.asks.sentSmsHelper(askId, providerId).flatMap((helperId) -> switch (failure) {
			case UNREACHABLE ->
				this.asks.retryUnreachable(askId, now.plus(this.properties.unreachableRetryDelay()), error)
					.filter(Boolean::booleanValue)
					.map((retried) -> AskStatus.PENDING)
					.switchIfEmpty(Mono.defer(() -> toEmail(askId, helperId, SENT_OR_UNKNOWN, error)));
			case INVALID_RECIPIENT -> this.contacts.addressFor(helperId, Channel.SMS)
				.flatMap((mobile) -> this.contacts.mobileUnreachable(helperId, mobile.address()))
				.then(toEmail(askId, helperId, SENT_OR_UNKNOWN, error));
			// The status callback has withdrawn the number's SMS consents already.
			case OPTED_OUT -> toEmail(askId, helperId, SENT_OR_UNKNOWN, error);
			case OTHER -> fail(askId, SENT_OR_UNKNOWN, error);
		}).then();
	}

	private Mono<AskStatus> toEmail(UUID askId, UUID helperId, List<AskStatus> from, String error) {
		return this.contacts.emailForCallouts(helperId)
			.flatMap((email) -> this.asks.switchToEmail(askId, from, error + "; asking by email")
				.thenReturn(AskStatus.PENDING))
			.switchIfEmpty(Mono.defer(() -> fail(askId, from, error)));
	}

	private Mono<AskStatus> fail(UUID askId, List<AskStatus> from, String error) {
		return this.asks.report(askId, AskStatus.FAILED, from, error).thenReturn(AskStatus.FAILED);
	}

}
