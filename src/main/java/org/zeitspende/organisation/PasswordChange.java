package org.zeitspende.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A member changing their own password.
 *
 * @param currentPassword the password now
 * @param newPassword the password from now on
 */
record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword,
		@NotNull @AcceptablePassword String newPassword) {

	@Override
	public String toString() {
		return "PasswordChange[]";
	}

}
