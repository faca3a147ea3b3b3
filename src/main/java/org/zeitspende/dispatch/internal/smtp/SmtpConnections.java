package org.zeitspende.dispatch.internal.smtp;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.zeitspende.dispatch.internal.Attempt;
import org.zeitspende.dispatch.internal.NotAcceptedException;

/**
 * SMTP connections kept open between emails, so that a fan-out pays for connecting, EHLO,
 * STARTTLS and AUTH once per connection and not once per email. A kept connection is
 * asked with {@code NOOP} before it carries the next email: one the server has closed
 * meanwhile is replaced, and nothing was sent on it. A connection whose exchange failed
 * is closed, never reused; each is closed after {@value #MAX_MESSAGES} emails, as relays
 * limit messages per connection, and after {@link #MAX_IDLE} unused (checked every five
 * seconds).
 */
final class SmtpConnections implements AutoCloseable {

	static final int MAX_MESSAGES = 100;

	static final Duration MAX_IDLE = Duration.ofSeconds(30);

	private static final Duration SWEEP_PERIOD = Duration.ofSeconds(5);

	private static final Log log = LogFactory.getLog(SmtpConnections.class);

	private static final String DEFAULT_PROTOCOL = "smtp";

	private final JavaMailSenderImpl server;

	private final int maxMessages;

	// Most recently used first: the busiest connections stay, the rest age out.
	private final Deque<Kept> kept = new ConcurrentLinkedDeque<>();

	private final Disposable sweep;

	private volatile boolean closed;

	/**
	 * Connections to the server that Boot configured.
	 * @param server host, port, protocol, credentials and session
	 */
	SmtpConnections(JavaMailSenderImpl server) {
		this(server, MAX_MESSAGES);
	}

	SmtpConnections(JavaMailSenderImpl server, int maxMessages) {
		this.server = server;
		this.maxMessages = maxMessages;
		long period = SWEEP_PERIOD.toMillis();
		this.sweep = Schedulers.boundedElastic()
			.schedulePeriodically(() -> closeUnusedSince(Instant.now().minus(MAX_IDLE)), period, period,
					TimeUnit.MILLISECONDS);
	}

	/**
	 * The session emails are composed in.
	 * @return the configured session
	 */
	Session session() {
		return this.server.getSession();
	}

	/**
	 * Sends one email on a kept connection or a new one; blocks. The attempt is handed
	 * over only once a connection is ready: until then nothing can have been sent.
	 * @param message the email, its changes saved
	 * @param attempt the attempt, asked to hand over just before the email goes out
	 * @throws NotConnectedException when no connection could be opened: nothing was sent
	 * @throws NotAcceptedException when the attempt's time ran out before the email went
	 * out
	 * @throws MessagingException when the exchange about this email failed
	 */
	void send(MimeMessage message, Attempt attempt) throws NotConnectedException, MessagingException {
		Kept connection = take();
		if (!attempt.handOver()) {
			giveBack(connection.transport, connection.sent);
			throw new NotAcceptedException("Not sent: the time limit passed before the message went out", null);
		}
		boolean sent = false;
		try {
			connection.transport.sendMessage(message, message.getAllRecipients());
			sent = true;
		}
		finally {
			if (sent) {
				giveBack(connection.transport, connection.sent + 1);
			}
			else {
				close(connection.transport);
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.sweep.dispose();
		closeKept();
	}

	private void closeKept() {
		for (Kept connection = this.kept.pollFirst(); connection != null; connection = this.kept.pollFirst()) {
			close(connection.transport);
		}
	}

	private Kept take() throws NotConnectedException {
		for (Kept connection = this.kept.pollFirst(); connection != null; connection = this.kept.pollFirst()) {
			// Sends NOOP, and closes the connection when the server does not answer 250.
			if (connection.transport.isConnected()) {
				return connection;
			}
			log.debug("A kept SMTP connection was closed by the server; opening another");
		}
		return new Kept(connect(), 0, Instant.now());
	}

	private Transport connect() throws NotConnectedException {
		try {
			Session session = this.server.getSession();
			String protocol = this.server.getProtocol();
			if (protocol == null) {
				protocol = session.getProperty("mail.transport.protocol");
			}
			Transport transport = session.getTransport((protocol != null) ? protocol : DEFAULT_PROTOCOL);
			String username = this.server.getUsername();
			String password = this.server.getPassword();
			if ("".equals(username)) {
				username = null;
				password = "".equals(password) ? null : password;
			}
			transport.connect(this.server.getHost(), this.server.getPort(), username, password);
			return transport;
		}
		catch (MessagingException ex) {
			throw new NotConnectedException(ex);
		}
	}

	private void giveBack(Transport transport, int sent) {
		if (sent >= this.maxMessages || this.closed) {
			close(transport);
			return;
		}
		this.kept.offerFirst(new Kept(transport, sent, Instant.now()));
		if (this.closed) {
			// close() ran meanwhile.
			closeKept();
		}
	}

	/**
	 * Closes the kept connections last used before the given moment.
	 * @param limit the moment
	 */
	void closeUnusedSince(Instant limit) {
		for (Iterator<Kept> connections = this.kept.descendingIterator(); connections.hasNext();) {
			Kept connection = connections.next();
			if (connection.lastUsed.isBefore(limit) && this.kept.removeFirstOccurrence(connection)) {
				close(connection.transport);
			}
		}
	}

	private static void close(Transport transport) {
		try {
			transport.close();
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Closing an SMTP connection failed", ex);
		}
	}

	private record Kept(Transport transport, int sent, Instant lastUsed) {

	}

	/**
	 * No connection to the SMTP server could be opened (connect, greeting, STARTTLS,
	 * AUTH): nothing was sent.
	 */
	static final class NotConnectedException extends Exception {

		NotConnectedException(MessagingException cause) {
			super("Could not connect to the SMTP server", cause);
		}

	}

}
