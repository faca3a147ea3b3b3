/**
 * Confirmations: a helper's yes, no or withdrawal to an ask, by link, JSON or SMS reply,
 * through one gate that never takes more helpers than a callout needs.
 * <p>
 * {@link org.zeitspende.confirmation.Confirmations} is the state machine. A yes reserves
 * a slot in Redis ({@code co:{<id>}:open}, {@code co:{<id>}:confirmed}), then stores the
 * answer and takes the slot in one PostgreSQL statement ({@code take_slots}, a
 * transaction of its own, shared by the yeses that wait together:
 * {@link org.zeitspende.confirmation.SlotTakings}); PostgreSQL decides, Redis only turns
 * the surplus away fast. A late yes gets similar open callouts
 * ({@link org.zeitspende.confirmation.Alternatives}) and may wait on the standby list
 * ({@link org.zeitspende.confirmation.StandbyList}), whose first helper is told through
 * {@link org.zeitspende.ask.SlotFreeNotices} when a place opens again.
 */
package org.zeitspende.confirmation;
