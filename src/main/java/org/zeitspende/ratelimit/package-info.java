/**
 * Abuse limits: token buckets in Redis per client address, phone number, number prefix
 * and globally, so that registering, sending codes and sign-in links stay affordable.
 * Over a limit the API answers 429 with {@code Retry-After}.
 */
package org.zeitspende.ratelimit;
