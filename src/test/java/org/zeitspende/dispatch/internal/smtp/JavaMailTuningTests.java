package org.zeitspende.dispatch.internal.smtp;

import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class JavaMailTuningTests {

	private final JavaMailTuning tuning = new JavaMailTuning();

	@AfterEach
	void destroy() {
		this.tuning.destroy();
	}

	@Test
	void sessions_shareOneWriteTimeoutScheduler_andKeepTheirOtherProperties() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.writetimeout", "10000");
		sender.setJavaMailProperties(properties);
		Object earlier = sender.getSession();

		this.tuning.applyTo(sender);

		Properties session = sender.getSession().getProperties();
		assertThat(sender.getSession()).as("a new session").isNotSameAs(earlier);
		assertThat(session.get(JavaMailTuning.WRITE_TIMEOUT_SCHEDULER)).isInstanceOf(ScheduledExecutorService.class);
		assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("10000");
	}

	@Test
	void streamProvider_isNamed_soThatItIsNotLookedUpOnTheClassPathEachTime() {
		this.tuning.applyTo(new JavaMailSenderImpl());

		assertThat(System.getProperty(JavaMailTuning.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
	}

}
