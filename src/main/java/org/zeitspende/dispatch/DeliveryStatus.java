package org.zeitspende.dispatch;

/**
 * How far a message got, as the provider reports it. In the order a message moves through
 * them: a later report never moves a message back, so {@link #QUEUED} after
 * {@link #DELIVERED} changes nothing.
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
	CANCELLED;

	/**
	 * Whether no further report is expected.
	 * @return {@code true} from {@link #DELIVERED} on
	 */
	public boolean isFinal() {
		return ordinal() >= DELIVERED.ordinal();
	}

}
