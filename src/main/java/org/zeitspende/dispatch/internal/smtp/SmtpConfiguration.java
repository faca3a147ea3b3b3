package org.zeitspende.dispatch.internal.smtp;

import java.net.URI;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.zeitspende.dispatch.internal.ChannelConditions;
import org.zeitspende.dispatch.internal.ProviderResilience;

/**
 * Email through SMTP, active when {@code spring.mail.host} is set (Boot then configures
 * the {@link JavaMailSender}, whose settings the {@link SmtpConnections} use).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ChannelConditions.EmailBySmtp.class)
class SmtpConfiguration {

	@Bean
	JavaMailTuning javaMailTuning() {
		return new JavaMailTuning();
	}

	@Bean
	SmtpEmailChannel smtpEmailChannel(JavaMailSender mailSender, JavaMailTuning tuning, MailFromProperties properties,
			ProviderResilience resilience, @Value("${zeitspende.public-base-url}") URI publicBaseUrl,
			Environment environment) {
		if (!(mailSender instanceof JavaMailSenderImpl configured)) {
			throw new IllegalStateException("Email by SMTP needs the JavaMailSenderImpl that Boot configures from "
					+ "spring.mail.*, not " + mailSender.getClass().getName());
		}
		tuning.applyTo(configured);
		String server = environment.getProperty("spring.mail.host", "(JNDI)") + ":"
				+ environment.getProperty("spring.mail.port", "25");
		return new SmtpEmailChannel(new SmtpConnections(configured), resilience.callsFor("smtp"), from(properties),
				publicBaseUrl.getHost(), server);
	}

	private static InternetAddress from(MailFromProperties properties) {
		String problem = "ZEITSPENDE_MAIL_FROM must be an address such as 'Zeitspende <no-reply@example.org>'";
		if (properties.from() == null || properties.from().isBlank()) {
			throw new IllegalStateException(problem);
		}
		try {
			return new InternetAddress(properties.from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException(problem, ex);
		}
	}

}
