package org.zeitspende.helper;

import org.zeitspende.dispatch.Channel;

/**
 * What a link or code sent to a helper is good for.
 */
enum TokenPurpose {

	VERIFY_EMAIL, VERIFY_MOBILE, SIGN_IN;

	static TokenPurpose verify(Channel channel) {
		return (channel == Channel.EMAIL) ? VERIFY_EMAIL : VERIFY_MOBILE;
	}

	Channel verifiedChannel() {
		return switch (this) {
			case VERIFY_EMAIL -> Channel.EMAIL;
			case VERIFY_MOBILE -> Channel.SMS;
			case SIGN_IN -> throw new IllegalStateException("A sign-in link verifies no channel");
		};
	}

}
