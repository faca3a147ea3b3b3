package org.zeitspende.helper;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A part of a signed-in helper's own page ({@code /h/me}) that another feature
 * contributes, such as the helper's interests or event registrations. Sections appear in
 * the order of their {@link org.springframework.core.annotation.Order}.
 */
public interface HelperPageSection {

	/**
	 * The section's HTML, already escaped.
	 * @param helperId the signed-in helper
	 * @param language {@code de} or {@code en}
	 * @return the section, with its own heading
	 */
	Mono<String> html(UUID helperId, String language);

}
