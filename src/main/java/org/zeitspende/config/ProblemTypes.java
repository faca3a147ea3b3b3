package org.zeitspende.config;

import java.net.URI;

/**
 * Stable {@code type} URIs of the problem details the API answers with.
 */
public final class ProblemTypes {

	private static final String BASE = "https://zeitspende.org/problems/";

	/**
	 * A request field (body, path or query) failed validation; {@code errors} lists each.
	 */
	public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");

	/** The body could not be read as JSON of the expected shape. */
	public static final URI MALFORMED_BODY = URI.create(BASE + "malformed-body");

	/** The body is larger than the configured limit. */
	public static final URI BODY_TOO_LARGE = URI.create(BASE + "body-too-large");

	/** The service is overloaded or its database briefly unreachable; try again. */
	public static final URI TEMPORARILY_UNAVAILABLE = URI.create(BASE + "temporarily-unavailable");

	/** Something failed on our side; the response says nothing more on purpose. */
	public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

	private ProblemTypes() {
	}

}
