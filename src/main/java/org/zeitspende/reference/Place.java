package org.zeitspende.reference;

/**
 * A town, municipality or city district where helpers can help.
 *
 * @param code stable identifier used by the API
 * @param name name as people write it
 * @param kind what kind of place it is
 * @param parentCode the place it belongs to, or {@code null}
 */
public record Place(String code, String name, String kind, String parentCode) {
}
