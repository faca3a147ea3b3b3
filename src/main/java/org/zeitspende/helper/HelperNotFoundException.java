package org.zeitspende.helper;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The signed-in helper no longer exists (erased, or purged before verification).
 */
class HelperNotFoundException extends ErrorResponseException {

	HelperNotFoundException() {
		super(HttpStatus.NOT_FOUND);
		setDetail("There is no helper profile for this sign-in any more.");
	}

}
