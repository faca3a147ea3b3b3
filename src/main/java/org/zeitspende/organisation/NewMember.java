package org.zeitspende.organisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A member an admin adds. The admin passes the first password on; the member changes it
 * with {@code POST /api/me/password}.
 *
 * @param email the email the member signs in with
 * @param password the first password
 * @param role what the member may do
 */
record NewMember(@NotBlank @Email @Size(max = 254) String email, @NotNull @AcceptablePassword String password,
		@NotNull MemberRole role) {

	@Override
	public String toString() {
		return "NewMember[email=" + this.email + ", role=" + this.role + "]";
	}

}
