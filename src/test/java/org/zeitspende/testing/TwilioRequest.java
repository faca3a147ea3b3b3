package org.zeitspende.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the Twilio stub received, with its form body decoded.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param contentType the {@code Content-Type} header
 * @param authorization the {@code Authorization} header
 * @param form the form fields in the order sent; a field may repeat
 */
public record TwilioRequest(String method, String path, String contentType, String authorization,
		Map<String, List<String>> form) {

	/**
	 * The single value of a form field.
	 * @param name the field, such as {@code To}
	 * @return its value, or {@code null} when it was not sent
	 */
	public String field(String name) {
		List<String> values = this.form.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	static Map<String, List<String>> parseForm(String body) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return form;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			form.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return form;
	}

}
