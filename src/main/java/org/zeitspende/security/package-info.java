/**
 * Who is calling and what they may do: bearer tokens (our own signed JWTs and, when
 * configured, those of an external OpenID Connect issuer), the callers they stand for and
 * the access rules for the whole API. Other features read the caller with
 * {@link org.zeitspende.security.Callers#current()} and issue helper tokens through
 * {@link org.zeitspende.security.TokenIssuer}.
 */
package org.zeitspende.security;
