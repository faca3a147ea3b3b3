package org.zeitspende.dispatch.internal.smtp;

import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.mail.Session;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class JavaMailTuningTests {

	private final JavaMailTuning tuning = new JavaMailTuning();

	private final String streamProviderBefore = System.getProperty(JavaMailTuning.STREAM_PROVIDER);

	@AfterEach
	void destroy() {
		this.tuning.destroy();
		if (this.streamProviderBefore == null) {
			System.clearProperty(JavaMailTuning.STREAM_PROVIDER);
		}
	}

	@Test
	void sessions_shareOneWriteTimeoutScheduler_andKeepTheirOtherProperties() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.writetimeout", "10000");
		sender.setJavaMailProperties(properties);

		this.tuning.applyTo(sender);

		Properties session = sender.getSession().getProperties();
		assertThat(session.get(JavaMailTuning.WRITE_TIMEOUT_SCHEDULER)).isInstanceOf(ScheduledExecutorService.class);
		assertThat(session.get(JavaMailTuning.WRITE_TIMEOUT_SCHEDULER_TLS))
			.isSameAs(session.get(JavaMailTuning.WRITE_TIMEOUT_SCHEDULER));
		assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("10000");
	}

	@Test
	void aSessionGivenToTheSender_asFromJndi_isKept() {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", "smtp.example.org");
		Session jndi = Session.getInstance(properties);
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setSession(jndi);

		this.tuning.applyTo(sender);

		assertThat(sender.getSession()).isSameAs(jndi);
		assertThat(jndi.getProperty("mail.smtp.host")).isEqualTo("smtp.example.org");
		assertThat(jndi.getProperties().get(JavaMailTuning.WRITE_TIMEOUT_SCHEDULER))
			.isInstanceOf(ScheduledExecutorService.class);
	}

	@Test
	void streamProvider_isNamed_soThatItIsNotLookedUpOnTheClassPathEachTime() {
		this.tuning.applyTo(new JavaMailSenderImpl());

		assertThat(System.getProperty(JavaMailTuning.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
	}

}
