package org.zeitspende.dispatch.internal.smtp;

import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Two settings that keep JavaMail's cost per email down when a fan-out sends thousands.
 * Measured with {@code loadtest/run.sh}: before them, half of the service's CPU in an
 * email fan-out went to these two.
 * <ul>
 * <li>Jakarta Mail 2.1 looks its stream provider up through {@code ServiceLoader} for
 * every body part it creates or writes (jakartaee/mail-api#699, #861), scanning the class
 * path each time. Named as a system property, the class is found once.</li>
 * <li>With {@code mail.smtp.writetimeout} set, Angus Mail starts a timer thread for every
 * connection, unless it is given a scheduler to share.</li>
 * </ul>
 */
final class JavaMailTuning implements DisposableBean {

	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static final String WRITE_TIMEOUT_SCHEDULER = "mail.smtp.executor.writetimeout";

	static final String WRITE_TIMEOUT_SCHEDULER_TLS = "mail.smtps.executor.writetimeout";

	private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	private final ScheduledThreadPoolExecutor writeTimeouts;

	JavaMailTuning() {
		this.writeTimeouts = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "smtp-write-timeouts");
			thread.setDaemon(true);
			return thread;
		});
		// Each write schedules its timeout and cancels it when done: cancelled ones must
		// not wait in the queue for their time.
		this.writeTimeouts.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Applies both settings; a stream provider named already is kept.
	 * @param sender the sender whose sessions share the write timeout scheduler
	 */
	void applyTo(JavaMailSenderImpl sender) {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
		// Into the session itself, which may come from JNDI: each connection reads it
		// from there, and replacing the sender's properties would drop such a session.
		Properties session = sender.getSession().getProperties();
		session.put(WRITE_TIMEOUT_SCHEDULER, this.writeTimeouts);
		session.put(WRITE_TIMEOUT_SCHEDULER_TLS, this.writeTimeouts);
	}

	@Override
	public void destroy() {
		this.writeTimeouts.shutdownNow();
	}

}
