package org.zeitspende.dispatch.internal.twilio;

import java.net.URI;
import java.util.Map;

import com.twilio.security.RequestValidator;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * Checks {@code X-Twilio-Signature}: an HMAC-SHA1 with the auth token over the URL Twilio
 * called and the POST parameters. The URL is the configured public base URL with the
 * request's path and query, never the {@code Host} header: behind a proxy that differs
 * from what Twilio called, and anyone can send any {@code Host}.
 */
final class TwilioSignatures {

	static final String HEADER = "X-Twilio-Signature";

	private final RequestValidator validator;

	private final String publicBaseUrl;

	TwilioSignatures(String authToken, URI publicBaseUrl) {
		this.validator = new RequestValidator(authToken);
		this.publicBaseUrl = publicBaseUrl.toString().replaceAll("/+$", "");
	}

	boolean valid(ServerHttpRequest request, Map<String, String> parameters) {
		String signature = request.getHeaders().getFirst(HEADER);
		return StringUtils.hasText(signature) && this.validator.validate(url(request), parameters, signature);
	}

	String url(ServerHttpRequest request) {
		URI uri = request.getURI();
		String query = uri.getRawQuery();
		return this.publicBaseUrl + uri.getRawPath() + ((query != null) ? "?" + query : "");
	}

}
