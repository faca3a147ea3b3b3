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
	public static final URI INVALID_REQUEST = of("invalid-request");

	/**
	 * A value that PostgreSQL cannot store: text with the NUL character, a date or number
	 * out of its range.
	 */
	public static final URI UNSTORABLE_VALUE = of("unstorable-value");

	/** The body could not be read as JSON of the expected shape. */
	public static final URI MALFORMED_BODY = of("malformed-body");

	/** The body is larger than the configured limit. */
	public static final URI BODY_TOO_LARGE = of("body-too-large");

	/** The service is overloaded or its database briefly unreachable; try again. */
	public static final URI TEMPORARILY_UNAVAILABLE = of("temporarily-unavailable");

	/** Something failed on our side; the response says nothing more on purpose. */
	public static final URI INTERNAL_ERROR = of("internal-error");

	private ProblemTypes() {
	}

	/**
	 * The type URI of a problem.
	 * @param slug the problem's name, e.g. {@code callout-not-found}
	 * @return {@code https://zeitspende.org/problems/<slug>}
	 */
	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

}
