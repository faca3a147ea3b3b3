package org.zeitspende.dispatch;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.zeitspende.dispatch.internal.ChannelAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which adapter serves which channel, for each combination of configured providers, and
 * what the start-up log says about it. No servers: nothing is sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(Dispatch.class)
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
		.withBean(BulkheadRegistry.class, BulkheadRegistry::ofDefaults)
		.withBean(TimeLimiterRegistry.class, TimeLimiterRegistry::ofDefaults)
		.withBean(RateLimiterRegistry.class, RateLimiterRegistry::ofDefaults)
		.withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
		.withPropertyValues("zeitspende.public-base-url=https://zeitspende.example.org",
				"zeitspende.mail.from=Zeitspende <no-reply@zeitspende.example.org>",
				"zeitspende.embedded.postgres=true");

	@Test
	void nothingConfigured_sendsBothChannelsToTheDevInbox(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(description(context, Channel.SMS))
				.isEqualTo("dev inbox at https://zeitspende.example.org/dev/inbox");
			assertThat(description(context, Channel.EMAIL)).startsWith("dev inbox at ");
			assertThat(context).hasBean("devInboxController");
		});
		assertThat(output).contains("SMS: dev inbox at https://zeitspende.example.org/dev/inbox",
				"Email: dev inbox at https://zeitspende.example.org/dev/inbox");
	}

	@Test
	void twilioConfigured_sendsSmsThroughTwilioAndEmailToTheDevInbox(CapturedOutput output) {
		this.runner.withPropertyValues(twilio("zeitspende.twilio.from=+4930123456")).run((context) -> {
			assertThat(description(context, Channel.SMS)).isEqualTo("Twilio (from +4930123456)");
			assertThat(description(context, Channel.EMAIL)).startsWith("dev inbox at ");
			assertThat(context).hasBean("devInboxController");
		});
		assertThat(output).contains("SMS: Twilio (from +4930123456)");
	}

	@Test
	void bothConfigured_hasNoDevInbox(CapturedOutput output) {
		this.runner
			.withPropertyValues(twilio("zeitspende.twilio.messaging-service-sid=MG0123456789abcdef0123456789abcdef"))
			.withPropertyValues("spring.mail.host=smtp.example.org", "spring.mail.port=587")
			.run((context) -> {
				assertThat(description(context, Channel.SMS))
					.isEqualTo("Twilio (messaging service MG0123456789abcdef0123456789abcdef)");
				assertThat(description(context, Channel.EMAIL))
					.isEqualTo("SMTP smtp.example.org:587 (from Zeitspende <no-reply@zeitspende.example.org>)");
				assertThat(context).doesNotHaveBean("devInboxController").doesNotHaveBean("devInbox");
			});
		assertThat(output).contains("Email: SMTP smtp.example.org:587").doesNotContain("The dev inbox at");
	}

	@Test
	void twilioWithoutSender_refusesToStart() {
		this.runner.withPropertyValues(twilio())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ZEITSPENDE_TWILIO_FROM"));
	}

	@Test
	void twilioWithSenderNotInE164_refusesToStart() {
		this.runner.withPropertyValues(twilio("zeitspende.twilio.from=030 123456"))
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("E.164"));
	}

	@Test
	void devInboxEnabledOutsideTheEmbeddedDefault_warnsThatAnyoneCanReadIt(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("to anyone who can reach the service");
		this.runner.withPropertyValues("zeitspende.embedded.postgres=false", "zeitspende.dev-inbox.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("to anyone who can reach the service");
	}

	@Test
	void outsideTheEmbeddedDefault_aMissingProviderRefusesToStart() {
		this.runner.withPropertyValues("zeitspende.embedded.postgres=false")
			.withPropertyValues(twilio("zeitspende.twilio.from=+4930123456"))
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("SPRING_MAIL_HOST"));
	}

	private static String[] twilio(String... more) {
		String[] properties = new String[more.length + 2];
		properties[0] = "zeitspende.twilio.account-sid=AC0123456789abcdef0123456789abcdef";
		properties[1] = "zeitspende.twilio.auth-token=token";
		System.arraycopy(more, 0, properties, 2, more.length);
		return properties;
	}

	private static String description(AssertableApplicationContext context, Channel channel) {
		return context.getBeansOfType(ChannelAdapter.class)
			.values()
			.stream()
			.filter((adapter) -> adapter.channel() == channel)
			.map(ChannelAdapter::description)
			.reduce((first, second) -> first + " AND " + second)
			.orElse("(none)");
	}

	@Configuration(proxyBeanMethods = false)
	// The webhooks and typed-in SMS replies need the database;
	// TwilioWebhooksIntegrationTests
	// and SmsAnswersIntegrationTests cover them.
	@ComponentScan(value = "org.zeitspende.dispatch",
			excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = ".*\\.(TwilioWebhooks|DevSmsReplies)"))
	@ConfigurationPropertiesScan("org.zeitspende.dispatch")
	static class Dispatch {

	}

}
