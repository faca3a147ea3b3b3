package org.zeitspende.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored.
 *
 * @param id the event
 * @param organisationId the organisation that holds it
 * @param title what it is
 * @param description what happens
 * @param place code of the place
 * @param location where exactly
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param capacity how many helpers may register, or {@code null} without registration
 * @param registered how many have
 * @param status whether it takes place
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record Event(UUID id, UUID organisationId, String title, String description, String place, String location,
		Instant startsAt, Instant endsAt, Integer capacity, int registered, EventStatus status, Instant createdAt,
		Instant updatedAt) {
}
