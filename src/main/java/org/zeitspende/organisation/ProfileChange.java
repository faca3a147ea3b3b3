package org.zeitspende.organisation;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to an organisation's profile; what is left out stays as it is.
 *
 * @param name the new name
 * @param description the new description
 * @param contactEmail the new contact email
 * @param website the new website; an empty text removes it
 * @param logoUrl the https address of the logo (no uploads: the logo stays where it is
 * hosted); an empty text removes it
 * @param places the new list of places, replacing the old one
 */
record ProfileChange(
		@Size(min = 2, max = 200) @Pattern(regexp = "(?s).*\\S.*\\S.*",
				message = "must have at least 2 characters other than spaces") String name,
		@Size(max = 5000) String description, @Email @Size(min = 3, max = 254) String contactEmail,
		@Size(max = 500) @Pattern(regexp = "|https?://\\S+",
				message = "must be an http or https address, or empty to remove it") String website,
		@Size(max = 500) @Pattern(regexp = "|https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?([/?#]\\S*)?",
				message = "must be an https address with a host, or empty to remove it") String logoUrl,
		@Size(min = 1, max = 100) List<@NotBlank @Size(max = 64) String> places) {
}
