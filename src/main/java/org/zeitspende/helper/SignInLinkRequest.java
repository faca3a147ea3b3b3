package org.zeitspende.helper;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * Where to send a sign-in link: exactly one of the two.
 *
 * @param email a verified email address
 * @param mobile a verified mobile number
 */
record SignInLinkRequest(@Email @Size(max = 254) String email, @Size(max = 32) String mobile) {
}
