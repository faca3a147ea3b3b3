package org.zeitspende.helper;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.zeitspende.dispatch.Channel;

/**
 * Consent to SMS given or withdrawn by a reply from the helper's phone. Numbers that
 * belong to no helper change nothing.
 */
@Service
public class SmsConsent {

	static final String SOURCE = "SMS_REPLY";

	private final HelperRepository helpers;

	private final HelperProperties properties;

	SmsConsent(HelperRepository helpers, HelperProperties properties) {
		this.helpers = helpers;
		this.properties = properties;
	}

	/**
	 * Withdraws every SMS consent of the helper with this number.
	 * @param e164 the mobile number in E.164 format
	 * @return how many consents were withdrawn; 0 when the number belongs to no helper
	 */
	public Mono<Long> optOut(String e164) {
		return this.helpers.findByMobile(e164)
			.flatMap((helper) -> this.helpers.withdrawConsents(helper.id(), List.of(Channel.SMS), SOURCE))
			.defaultIfEmpty(0L);
	}

	/**
	 * Grants consent to callouts by SMS again, under the current consent text, confirmed
	 * because the reply came from the verified number. Only a helper whose number is
	 * verified can opt in this way.
	 * @param e164 the mobile number in E.164 format
	 * @return whether consent was granted; {@code false} when the number belongs to no
	 * verified helper or the consent is in force already
	 */
	public Mono<Boolean> optIn(String e164) {
		return this.helpers.findByMobile(e164)
			.filter(HelperContact::mobileVerified)
			.flatMap((helper) -> this.helpers.consentAction(helper.id(), Channel.SMS, ConsentPurpose.CALLOUTS)
				.filter("CONFIRMED"::equals)
				.map((inForce) -> false)
				.switchIfEmpty(
						Mono.defer(() -> this.helpers
							.appendConsent(helper.id(), Channel.SMS, ConsentPurpose.CALLOUTS, "CONFIRMED",
									this.properties.consentTextVersion(), SOURCE)
							.thenReturn(true))))
			.defaultIfEmpty(false);
	}

}
