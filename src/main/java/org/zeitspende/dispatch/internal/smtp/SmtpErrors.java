package org.zeitspende.dispatch.internal.smtp;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import org.zeitspende.dispatch.MessageNotSentException;
import org.zeitspende.dispatch.MessageRejectedException;
import org.zeitspende.dispatch.MessageRejectedException.Reason;
import org.zeitspende.dispatch.internal.Attempt;
import org.zeitspende.dispatch.internal.NotAcceptedException;
import org.zeitspende.dispatch.internal.smtp.SmtpConnections.NotConnectedException;

/**
 * SMTP failures in our vocabulary. A 4yz reply means the server did not take the message
 * and asks us to try later; a 5yz reply to {@code RCPT TO} means the mailbox will not
 * take it. Server replies repeat the address, so they never become causes or messages;
 * only the reply code does.
 */
final class SmtpErrors {

	private static final int MAX_CHAIN = 32;

	private SmtpErrors() {
	}

	static RuntimeException translate(Exception error, Attempt attempt) {
		List<Throwable> chain = chain(error);
		if (chain.stream().anyMatch(AuthenticationFailedException.class::isInstance)) {
			return new MessageNotSentException(
					"The SMTP server refused our credentials (SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)", null);
		}
		for (Throwable cause : chain) {
			if (cause instanceof MailConnectException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return new NotAcceptedException("The SMTP server could not be reached", transportCause(cause));
			}
		}
		if (error instanceof NotConnectedException) {
			return new NotAcceptedException("The SMTP connection failed before the message was sent",
					transportCause(error));
		}
		RuntimeException answered = fromReplyCode(chain);
		if (answered != null) {
			return answered;
		}
		if (chain.stream().anyMatch(AddressException.class::isInstance)) {
			return new MessageRejectedException(Reason.INVALID_RECIPIENT, "Not a valid email address");
		}
		if (!attempt.handedOver()) {
			return new MessageRejectedException(Reason.REJECTED,
					"The email could not be composed (" + error.getClass().getSimpleName() + ")");
		}
		return new MessageNotSentException("The SMTP exchange failed after the message was sent ("
				+ root(error).getClass().getSimpleName() + "); it may have been delivered", true, null);
	}

	private static RuntimeException fromReplyCode(List<Throwable> chain) {
		for (Throwable cause : chain) {
			if (cause instanceof SMTPAddressFailedException recipient) {
				int code = recipient.getReturnCode();
				return temporary(code) ? deferred(code) : new MessageRejectedException(Reason.INVALID_RECIPIENT,
						"The SMTP server refused the recipient with " + code);
			}
		}
		for (Throwable cause : chain) {
			int code = (cause instanceof SMTPSendFailedException send) ? send.getReturnCode()
					: (cause instanceof SMTPSenderFailedException sender) ? sender.getReturnCode() : -1;
			if (code >= 400) {
				return temporary(code) ? deferred(code) : new MessageRejectedException(Reason.REJECTED,
						"The SMTP server refused the email with " + code);
			}
		}
		return null;
	}

	private static boolean temporary(int code) {
		return code >= 400 && code < 500;
	}

	private static NotAcceptedException deferred(int code) {
		return new NotAcceptedException("The SMTP server deferred the email with " + code, null);
	}

	// Causes and MessagingException's next exceptions, each once.
	private static List<Throwable> chain(Throwable error) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>(List.of(error));
		while (!pending.isEmpty() && chain.size() < MAX_CHAIN) {
			Throwable current = pending.pop();
			if (!seen.add(current)) {
				continue;
			}
			chain.add(current);
			if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.add(messaging.getNextException());
			}
			if (current.getCause() != null) {
				pending.add(current.getCause());
			}
		}
		return chain;
	}

	// Socket errors name hosts; a MessagingException may quote the server's reply.
	private static Throwable transportCause(Throwable error) {
		Throwable root = root(error);
		return (root instanceof MessagingException) ? null : root;
	}

	private static Throwable root(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
