package org.zeitspende.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.zeitspende.ratelimit.RateLimitProperties.Limit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code zeitspende.rate-limits} from application.yml and from environment
 * variables, as the README describes it.
 */
class RateLimitPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(RateLimitPropertiesTests::applicationYml)
		.withUserConfiguration(Properties.class);

	@Test
	void defaults_nameEveryLimitTheCallersUse() {
		this.runner.run((context) -> assertThat(limits(context)).containsOnly(
				Map.entry("registration-per-ip", new Limit(10, Duration.ofHours(1))),
				Map.entry("verification-per-recipient", new Limit(5, Duration.ofHours(1))),
				Map.entry("verification-per-prefix", new Limit(50, Duration.ofHours(1))),
				Map.entry("sms-global", new Limit(2000, Duration.ofHours(24))),
				Map.entry("sign-in-link-per-recipient", new Limit(5, Duration.ofHours(1))),
				Map.entry("sign-in-link-per-ip", new Limit(20, Duration.ofHours(1))),
				Map.entry("code-attempts-per-recipient", new Limit(10, Duration.ofHours(1))),
				Map.entry("ask-token-misses-per-ip", new Limit(30, Duration.ofMinutes(10))),
				Map.entry("pledges-per-ip", new Limit(30, Duration.ofHours(1)))));
	}

	@Test
	void environmentVariables_withTheNamesDashesAsUnderscores_overrideALimit() {
		this.runner
			.withInitializer(environment(Map.of("ZEITSPENDE_RATE_LIMITS_REGISTRATION_PER_IP_CAPACITY", "30",
					"ZEITSPENDE_RATE_LIMITS_SMS_GLOBAL_PERIOD", "12h")))
			.run((context) -> assertThat(limits(context))
				.containsEntry("registration-per-ip", new Limit(30, Duration.ofHours(1)))
				.containsEntry("sms-global", new Limit(2000, Duration.ofHours(12)))
				.containsEntry("sign-in-link-per-ip", new Limit(20, Duration.ofHours(1)))
				.hasSize(9));
	}

	// Works too, but also binds a second entry "smsglobal"; the README names the form
	// above.
	@Test
	void environmentVariables_withTheNamesDashesLeftOut_overrideALimitToo() {
		this.runner.withInitializer(environment(Map.of("ZEITSPENDE_RATELIMITS_SMSGLOBAL_CAPACITY", "30")))
			.run((context) -> assertThat(limits(context)).containsEntry("sms-global",
					new Limit(30, Duration.ofHours(24))));
	}

	@Test
	void environmentVariables_cannotAddALimitApplicationYmlDoesNotName() {
		this.runner
			.withInitializer(environment(Map.of("ZEITSPENDE_RATE_LIMITS_NEW_LIMIT_CAPACITY", "3",
					"ZEITSPENDE_RATE_LIMITS_NEW_LIMIT_PERIOD", "1m")))
			.run((context) -> assertThat(limits(context)).hasSize(9).doesNotContainKeys("new-limit", "new"));
	}

	@Test
	void zeroCapacity_stopsTheStart() {
		this.runner.withPropertyValues("zeitspende.rate-limits.sms-global.capacity=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("capacity must be at least 1, but is 0"));
	}

	@Test
	void zeroPeriod_stopsTheStart() {
		this.runner.withPropertyValues("zeitspende.rate-limits.sms-global.period=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("period must be at least 1ms, but is PT0S"));
	}

	@Test
	void limitWithoutPeriod_stopsTheStart() {
		this.runner.withPropertyValues("zeitspende.rate-limits.extra.capacity=3")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("period must be at least 1ms, but is null"));
	}

	private static RateLimitProperties limits(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RateLimitProperties.class);
	}

	private static void applicationYml(ConfigurableApplicationContext context) {
		try {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"))) {
				sources.addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Stands in for the process environment, under the name Spring Boot maps variable
	// names for.
	private static ApplicationContextInitializer<ConfigurableApplicationContext> environment(
			Map<String, Object> variables) {
		String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.replace(name, new SystemEnvironmentPropertySource(name, variables));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RateLimitProperties.class)
	static class Properties {

	}

}
