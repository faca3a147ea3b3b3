package org.zeitspende.dispatch.internal;

/**
 * One try to hand a message to a provider. The adapter marks the moment from which the
 * provider may have the message; a failure or timeout after it leaves the outcome
 * unknown, one before it provably sent nothing.
 */
public final class Attempt {

	private volatile boolean handedOver;

	private volatile boolean abandoned;

	/**
	 * Marks that the request is about to be written to the provider.
	 */
	public void handOver() {
		this.handedOver = true;
	}

	/**
	 * Whether the provider may have the message.
	 * @return {@code true} once {@link #handOver()} was called
	 */
	public boolean handedOver() {
		return this.handedOver;
	}

	void abandon() {
		this.abandoned = true;
	}

	boolean abandoned() {
		return this.abandoned;
	}

}
