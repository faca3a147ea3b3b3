package org.zeitspende.organisation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation applying to use the platform, with its first admin.
 *
 * @param name the organisation's name
 * @param slug its short name in addresses; made from the name when left out
 * @param description what it does
 * @param contactEmail where to reach it
 * @param website its website
 * @param places codes of the places it works in, from {@code /api/places}
 * @param admin the first admin's account
 */
record OrganisationApplication(@NotBlank @Size(min = 2, max = 200) String name,
		@Pattern(regexp = "[a-z0-9-]{2,64}",
				message = "must be 2 to 64 lower case letters, digits or hyphens") String slug,
		@Size(max = 5000) String description, @NotBlank @Email @Size(max = 254) String contactEmail,
		@Size(max = 500) @Pattern(regexp = "https?://\\S+",
				message = "must be an http or https address") String website,
		@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> places, @NotNull @Valid Account admin) {

	/**
	 * The email and password a member signs in with.
	 *
	 * @param email the email
	 * @param password the password
	 */
	record Account(@NotBlank @Email @Size(max = 254) String email, @NotNull @AcceptablePassword String password) {

		@Override
		public String toString() {
			return "Account[email=" + this.email + "]";
		}

	}

}
