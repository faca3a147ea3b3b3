package org.zeitspende.dispatch.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which adapter serves which channel, decided once from the configuration: Twilio when
 * {@code zeitspende.twilio.account-sid} is set, SMTP when {@code spring.mail.host} (or
 * {@code spring.mail.jndi-name}) is set, so that Boot configures a
 * {@code JavaMailSender}; the dev inbox for each channel without its provider, but only
 * where it is enabled ({@code zeitspende.dev-inbox.enabled}, on by default only with the
 * embedded PostgreSQL): anyone who reaches the inbox reads every code and link in it.
 */
public final class ChannelConditions {

	static final String TWILIO_ACCOUNT_SID = "zeitspende.twilio.account-sid";

	private ChannelConditions() {
	}

	/**
	 * Whether SMS go through Twilio.
	 * @param environment the configuration
	 * @return {@code true} when the Twilio account SID is set
	 */
	public static boolean twilioConfigured(Environment environment) {
		return StringUtils.hasText(environment.getProperty(TWILIO_ACCOUNT_SID));
	}

	/**
	 * Whether a channel without its provider may use the dev inbox.
	 * @param environment the configuration
	 * @return {@code zeitspende.dev-inbox.enabled}, by default whether PostgreSQL is
	 * embedded
	 */
	public static boolean devInboxEnabled(Environment environment) {
		return environment.getProperty("zeitspende.dev-inbox.enabled", Boolean.class,
				environment.getProperty("zeitspende.embedded.postgres", Boolean.class, false));
	}

	/**
	 * Whether email goes through SMTP.
	 * @param environment the configuration
	 * @return {@code true} when Boot configures a mail sender
	 */
	public static boolean smtpConfigured(Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.mail.host"))
				|| StringUtils.hasText(environment.getProperty("spring.mail.jndi-name"));
	}

	/** SMS go through Twilio. */
	public static class SmsByTwilio extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return twilioConfigured(context.getEnvironment()) ? ConditionOutcome.match(TWILIO_ACCOUNT_SID + " is set")
					: ConditionOutcome.noMatch(TWILIO_ACCOUNT_SID + " is blank");
		}

	}

	/** Email goes through SMTP. */
	public static class EmailBySmtp extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return smtpConfigured(context.getEnvironment()) ? ConditionOutcome.match("spring.mail.host is set")
					: ConditionOutcome.noMatch("spring.mail.host is blank");
		}

	}

	/** SMS go to the dev inbox. */
	public static class SmsToDevInbox extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (twilioConfigured(context.getEnvironment())) {
				return ConditionOutcome.noMatch(TWILIO_ACCOUNT_SID + " is set");
			}
			return devInboxEnabled(context.getEnvironment()) ? ConditionOutcome.match(TWILIO_ACCOUNT_SID + " is blank")
					: ConditionOutcome.noMatch("the dev inbox is disabled");
		}

	}

	/** Email goes to the dev inbox. */
	public static class EmailToDevInbox extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (smtpConfigured(context.getEnvironment())) {
				return ConditionOutcome.noMatch("spring.mail.host is set");
			}
			return devInboxEnabled(context.getEnvironment()) ? ConditionOutcome.match("spring.mail.host is blank")
					: ConditionOutcome.noMatch("the dev inbox is disabled");
		}

	}

	/** At least one channel goes to the dev inbox, so the inbox and its pages exist. */
	public static class AnyChannelToDevInbox extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			if (!devInboxEnabled(environment)) {
				return ConditionOutcome.noMatch("the dev inbox is disabled");
			}
			return (twilioConfigured(environment) && smtpConfigured(environment))
					? ConditionOutcome.noMatch("both Twilio and SMTP are configured")
					: ConditionOutcome.match("Twilio or SMTP is not configured");
		}

	}

}
