package org.zeitspende.organisation;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.zeitspende.security.IssuedToken;

/**
 * A bearer token in the shape of an OAuth 2.0 token response (RFC 6749, section 5.1).
 *
 * @param accessToken the token to send as {@code Authorization: Bearer <token>}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 */
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn) {

	static TokenResponse of(IssuedToken token) {
		return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn().toSeconds());
	}

}
