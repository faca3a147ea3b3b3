package org.zeitspende.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * A member as the API shows it: never with the password or its hash.
 *
 * @param id the member's id
 * @param email the email the member signs in with
 * @param role what the member may do
 * @param createdAt when the member was added
 * @param lastLoginAt the last successful sign-in, or {@code null}
 * @param lockedUntil until when sign-in is locked after failed attempts, or {@code null}
 */
record Member(UUID id, String email, MemberRole role, Instant createdAt, Instant lastLoginAt, Instant lockedUntil) {
}
