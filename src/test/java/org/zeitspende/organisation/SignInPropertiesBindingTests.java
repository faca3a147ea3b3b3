package org.zeitspende.organisation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SignInPropertiesBindingTests {

	@Test
	void theDocumentedEnvironmentVariables_bindToTheSettings() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("ZEITSPENDE_AUTH_SIGN_IN_MAX_FAILURES", "3", "ZEITSPENDE_AUTH_SIGN_IN_LOCKOUT", "1h",
									"ZEITSPENDE_AUTH_SIGN_IN_BCRYPT_STRENGTH", "12")));
		SignInProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bind("zeitspende.auth.sign-in", SignInProperties.class)
			.get();
		assertThat(properties).isEqualTo(new SignInProperties(3, Duration.ofHours(1), 12));
	}

}
