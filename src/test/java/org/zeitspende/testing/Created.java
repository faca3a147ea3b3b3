package org.zeitspende.testing;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Creates something through the API as an organisation member and expects {@code 201}.
 */
public final class Created {

	private Created() {
	}

	/**
	 * Posts a body with a member's bearer token.
	 * @param client the test client
	 * @param path where to post, e.g. {@code /api/events}
	 * @param bearer the member's token
	 * @param body the JSON body
	 * @return the {@code id} of what was created
	 */
	@SuppressWarnings("rawtypes")
	public static UUID id(WebTestClient client, String path, String bearer, Object body) {
		Map created = client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString(String.valueOf(created.get("id")));
	}

}
