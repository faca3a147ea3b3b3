package org.zeitspende.helper;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * What another feature deletes or blanks when a helper erases themselves
 * ({@code DELETE /api/me}): each feature that keeps rows about helpers in its own tables
 * removes the personal data in them as a bean, so that erasure reaches every feature
 * without this feature touching other features' tables. The counterpart of
 * {@link HelperDataExport}.
 */
public interface HelperDataErasure {

	/**
	 * Deletes the helper's rows, or blanks what is personal in the rows that must stay
	 * for counts. Runs in the transaction that erases the helper row, so that either all
	 * of it happens or nothing.
	 * @param helperId the helper
	 * @return completes once done
	 */
	Mono<Void> erase(UUID helperId);

}
