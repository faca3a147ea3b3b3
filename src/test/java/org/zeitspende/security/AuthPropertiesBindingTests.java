package org.zeitspende.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthPropertiesBindingTests {

	@Test
	void theDocumentedEnvironmentVariables_bindToTheSettings() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("ZEITSPENDE_AUTH_SIGNING_KEY", "pem", "ZEITSPENDE_AUTH_ISSUER", "https://z.example.org",
							"ZEITSPENDE_AUTH_AUDIENCE", "api", "ZEITSPENDE_AUTH_TOKEN_LIFETIME", "5m",
							"ZEITSPENDE_AUTH_CLOCK_SKEW", "10s", "ZEITSPENDE_AUTH_OIDC_ISSUER_URI",
							"https://login.example.org/realms/county", "ZEITSPENDE_AUTH_OIDC_JWK_SET_URI",
							"https://login.example.org/certs", "ZEITSPENDE_AUTH_OIDC_AUDIENCE", "zeitspende",
							"ZEITSPENDE_AUTH_OIDC_ORGANISATION_CLAIM", "org_id", "ZEITSPENDE_AUTH_OIDC_ROLES_CLAIM",
							"realm_access.roles")));
		AuthProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bind("zeitspende.auth", AuthProperties.class)
			.get();
		assertThat(properties)
			.isEqualTo(new AuthProperties("pem", "https://z.example.org", "api", Duration.ofMinutes(5),
					Duration.ofSeconds(10), new AuthProperties.Oidc("https://login.example.org/realms/county",
							"https://login.example.org/certs", "zeitspende", "org_id", "realm_access.roles")));
	}

}
