package org.zeitspende.dispatch.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One try to hand a message to a provider. The adapter marks the moment from which the
 * provider may have the message; a failure or timeout after it leaves the outcome
 * unknown, one before it provably sent nothing.
 * <p>
 * Handing over and giving up decide against each other atomically: an attempt given up
 * first cannot be handed over any more, so "nothing was sent", once reported, stays true
 * while the adapter's thread is still on its way to the provider.
 */
public final class Attempt {

	private static final int HANDED_OVER = 1;

	private static final int ABANDONED = 2;

	private final AtomicInteger state = new AtomicInteger();

	/**
	 * Marks that the request is about to be written to the provider. The adapter must not
	 * write it when this answers {@code false}.
	 * @return {@code false} when the attempt was given up before it was handed over
	 */
	public boolean handOver() {
		int state = this.state.updateAndGet((now) -> (now == ABANDONED) ? now : now | HANDED_OVER);
		return (state & HANDED_OVER) != 0;
	}

	/**
	 * Whether the provider may have the message.
	 * @return {@code true} once {@link #handOver()} succeeded
	 */
	public boolean handedOver() {
		return (this.state.get() & HANDED_OVER) != 0;
	}

	/**
	 * Gives the attempt up; an adapter that has not handed the message over yet will not.
	 * @return {@code true} when nothing was handed over, and nothing will be
	 */
	boolean abandon() {
		return (this.state.getAndUpdate((now) -> now | ABANDONED) & HANDED_OVER) == 0;
	}

	boolean abandoned() {
		return (this.state.get() & ABANDONED) != 0;
	}

}
