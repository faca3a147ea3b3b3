package org.zeitspende.config;

/**
 * One invalid field of a request and why, as listed in an invalid-request problem.
 *
 * @param field the field's name as the client sent it, with dots and indexes for nesting
 * @param reason what is wrong, for people
 */
public record InvalidField(String field, String reason) {
}
