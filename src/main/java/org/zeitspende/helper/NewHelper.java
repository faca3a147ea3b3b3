package org.zeitspende.helper;

import java.util.List;
import java.util.Set;

import org.zeitspende.dispatch.Channel;

/**
 * A registration after normalisation and checks: what is stored.
 */
record NewHelper(String email, String mobile, ProfileChoices choices, Set<ConsentPurpose> consents,
		String consentTextVersion) {

	/**
	 * The channels this registration gives.
	 * @return EMAIL and/or SMS
	 */
	List<Channel> channels() {
		return (this.email != null && this.mobile != null) ? List.of(Channel.EMAIL, Channel.SMS)
				: (this.email != null) ? List.of(Channel.EMAIL) : List.of(Channel.SMS);
	}

}
