package org.zeitspende.dispatch;

/**
 * How far a message got, as the provider reports it. {@link #QUEUED} comes before
 * {@link #SENT}, and both before the final statuses that follow; reports can arrive out
 * of order or twice, so a report never moves a message back (a late {@code QUEUED} after
 * {@code DELIVERED} changes nothing).
 */
public enum DeliveryStatus {

	/** The provider has the message and has not passed it on yet. */
	QUEUED,

	/** Passed on to the carrier; not yet confirmed by the handset. */
	SENT,

	/** Arrived on the handset. */
	DELIVERED,

	/** The carrier could not deliver it. */
	UNDELIVERED,

	/** The provider could not send it. */
	FAILED,

	/** Withdrawn before it went out. */
	CANCELLED

}
