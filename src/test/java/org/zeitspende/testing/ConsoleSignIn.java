package org.zeitspende.testing;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.zeitspende.testing.Tenants.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser signed in to the console as an organisation's coordinator, through the
 * sign-in form.
 */
public final class ConsoleSignIn {

	private ConsoleSignIn() {
	}

	public static PageForms coordinatorOf(Tenant tenant, WebTestClient client) {
		PageForms browser = new PageForms(client);
		MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
		credentials.add("email", tenant.coordinator().email());
		credentials.add("password", Tenants.PASSWORD);
		browser.post(browser.get("/login"), "/login", credentials);
		assertThat(browser.cookie("zeitspende_session")).isNotBlank();
		return browser;
	}

}
