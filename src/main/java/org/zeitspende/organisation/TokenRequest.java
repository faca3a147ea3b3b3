package org.zeitspende.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Email and password, to be exchanged for a bearer token.
 *
 * @param email the member's email
 * @param password the member's password
 */
record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {

	@Override
	public String toString() {
		return "TokenRequest[email=" + this.email + "]";
	}

}
