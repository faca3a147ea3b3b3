/**
 * Live fill view: {@code GET /api/callouts/{id}/events} streams what happens to a callout
 * as server-sent events, to members of its organisation.
 * <p>
 * {@link org.zeitspende.live.LiveEventPublisher} listens to the application events of
 * callouts, asks and answers and publishes each change, after its commit, on the
 * callout's Redis channel, so that a client sees changes made on any replica. Each client
 * reads the callout's counts when a change arrives, so every event carries fresh counts.
 */
package org.zeitspende.live;
