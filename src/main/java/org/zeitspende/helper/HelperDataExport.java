package org.zeitspende.helper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * What another feature stores about a helper, for the helper's data export
 * ({@code GET /api/me/export}): each feature that keeps rows about helpers in its own
 * tables contributes them as a bean, so that the export holds every row stored about the
 * helper without this feature reading other features' tables.
 */
public interface HelperDataExport {

	/**
	 * The helper's rows, as stored; secrets and other people's data left out.
	 * @param helperId the helper
	 * @return rows by the name they appear under in the export; a name with no rows maps
	 * to an empty list
	 */
	Mono<Map<String, List<Map<String, Object>>>> export(UUID helperId);

}
