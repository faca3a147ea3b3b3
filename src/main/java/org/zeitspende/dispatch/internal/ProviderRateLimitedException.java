package org.zeitspende.dispatch.internal;

/**
 * The provider asked us to slow down (Twilio's 429): it provably did not take the
 * message, so it is retried like any {@link NotAcceptedException}, but it says nothing
 * about the provider's health, so the circuit breaker ignores it
 * ({@code ignore-exceptions} in application.yml). Counted as failures, a fan-out paced
 * right at the provider's limit would open the breaker and stop every SMS for its wait.
 */
public class ProviderRateLimitedException extends NotAcceptedException {

	public ProviderRateLimitedException(String message) {
		super(message, null);
	}

}
