package org.zeitspende.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Fills the service's pages like a browser without JavaScript: keeps cookies, takes the
 * CSRF token from a form and posts it back with the fields.
 */
public final class PageForms {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final WebTestClient client;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public PageForms(WebTestClient client) {
		this.client = client;
	}

	/**
	 * Opens a page, keeping the cookies it sets.
	 * @param path the page
	 * @return the response with its HTML
	 */
	public EntityExchangeResult<String> get(String path) {
		EntityExchangeResult<String> page = this.client.get()
			.uri(path)
			.cookies((sent) -> this.cookies.forEach(sent::add))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		keep(page.getResponseCookies());
		return page;
	}

	/**
	 * Posts a form with the CSRF token of the page it is on.
	 * @param page the page that holds the form, opened with {@link #get(String)}
	 * @param action where the form posts to
	 * @param fields the fields; a field may repeat
	 * @return the response
	 */
	public EntityExchangeResult<String> post(EntityExchangeResult<String> page, String action,
			MultiValueMap<String, String> fields) {
		Matcher token = CSRF.matcher(String.valueOf(page.getResponseBody()));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
		if (token.find()) {
			form.add("_csrf", token.group(1));
		}
		EntityExchangeResult<String> result = this.client.post()
			.uri(action)
			.cookies((sent) -> this.cookies.forEach(sent::add))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		keep(result.getResponseCookies());
		return result;
	}

	/**
	 * Sends a cookie from now on, as if the service had set it.
	 * @param name the cookie's name
	 * @param value its value
	 * @return this browser
	 */
	public PageForms withCookie(String name, String value) {
		this.cookies.put(name, value);
		return this;
	}

	/**
	 * A cookie the service set and has not cleared.
	 * @param name the cookie's name
	 * @return its value, or {@code null}
	 */
	public String cookie(String name) {
		return this.cookies.get(name);
	}

	private void keep(MultiValueMap<String, ResponseCookie> set) {
		set.forEach((name, values) -> values.forEach((cookie) -> {
			if (cookie.getMaxAge().isZero()) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, cookie.getValue());
			}
		}));
	}

}
