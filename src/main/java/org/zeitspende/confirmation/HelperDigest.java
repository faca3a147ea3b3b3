package org.zeitspende.confirmation;

/**
 * A set of helpers in brief, to compare the holders of a callout's slots in Redis with
 * the helpers PostgreSQL has confirmed without the service reading either set: their
 * number, and the first and the last 32 bits of their ids, each XORed over the set. Equal
 * counts can hide a stale holder and a missing one; equal digests do so for random ids by
 * a chance of one in 2<sup>64</sup>. Redis ({@code redis/slot_state.lua}) and PostgreSQL
 * ({@link ConfirmationRepository#digests}) compute it alike.
 *
 * @param helpers how many helpers
 * @param first the first 32 bits of their ids, XORed
 * @param last the last 32 bits of their ids, XORed
 */
record HelperDigest(long helpers, int first, int last) {

	/** No helper at all. */
	static final HelperDigest NONE = new HelperDigest(0, 0, 0);

}
