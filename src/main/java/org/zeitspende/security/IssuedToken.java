package org.zeitspende.security;

import java.time.Duration;

/**
 * A signed bearer token and how long it stays valid.
 *
 * @param accessToken the compact JWT
 * @param expiresIn its lifetime from now
 */
public record IssuedToken(String accessToken, Duration expiresIn) {
}
