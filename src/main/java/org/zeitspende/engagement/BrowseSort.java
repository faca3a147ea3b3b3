package org.zeitspende.engagement;

/**
 * How volunteers see requirement profiles ordered. Ties fall to the newer profile.
 */
enum BrowseSort {

	/** Best fit first, by the score of {@link Fit}. */
	FIT,

	/** Newest first. */
	NEWEST,

	/** Earliest start first; profiles without a start date last. */
	START

}
