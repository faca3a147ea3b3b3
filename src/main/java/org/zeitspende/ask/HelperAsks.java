package org.zeitspende.ask;

import java.util.UUID;

/**
 * How many asks one helper got.
 *
 * @param helperId the helper
 * @param asks the number of asks
 */
record HelperAsks(UUID helperId, int asks) {
}
