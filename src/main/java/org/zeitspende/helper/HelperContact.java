package org.zeitspende.helper;

import java.util.UUID;

import org.zeitspende.dispatch.Channel;

/**
 * A helper's channels and whether each is verified.
 *
 * @param id the helper
 * @param email address, or {@code null}
 * @param emailVerified whether the address is verified
 * @param mobile number in E.164, or {@code null}
 * @param mobileVerified whether the number is verified
 * @param messageLanguage language of messages to the helper
 */
record HelperContact(UUID id, String email, boolean emailVerified, String mobile, boolean mobileVerified,
		String messageLanguage) {

	String address(Channel channel) {
		return (channel == Channel.EMAIL) ? this.email : this.mobile;
	}

	boolean verified(Channel channel) {
		return (channel == Channel.EMAIL) ? this.emailVerified : this.mobileVerified;
	}

}
