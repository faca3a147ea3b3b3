package org.zeitspende.testing;

import java.time.Instant;

/**
 * One request the Twilio stub received, when it came and how it was answered.
 *
 * @param at when the stub received it
 * @param request the request
 * @param status the HTTP status of the answer, such as 201 or 429
 */
public record TwilioExchange(Instant at, TwilioRequest request, int status) {

}
