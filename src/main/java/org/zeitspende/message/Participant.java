package org.zeitspende.message;

import java.util.UUID;

/**
 * An organisation in a thread.
 *
 * @param id the organisation
 * @param name its name
 */
record Participant(UUID id, String name) {
}
