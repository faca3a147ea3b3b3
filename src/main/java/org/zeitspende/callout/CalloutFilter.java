package org.zeitspende.callout;

import java.time.Instant;

/**
 * Which callouts a list shows; {@code null} fields do not filter.
 *
 * @param status only callouts with this status
 * @param from only callouts starting at or after this instant
 * @param to only callouts starting before this instant
 */
record CalloutFilter(CalloutStatus status, Instant from, Instant to) {
}
