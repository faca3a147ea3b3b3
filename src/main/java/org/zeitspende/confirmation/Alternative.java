package org.zeitspende.confirmation;

import java.time.Instant;

/**
 * A similar callout that still needs helpers, shown to a helper who came too late: what,
 * where and when only. It carries no link; the helper is asked for it in turn, or not.
 *
 * @param activity code of the activity
 * @param place code of the place
 * @param startsAt when the help starts
 * @param endsAt when it ends
 * @param open how many helpers it still needs
 */
record Alternative(String activity, String place, Instant startsAt, Instant endsAt, int open) {
}
