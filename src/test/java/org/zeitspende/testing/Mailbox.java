package org.zeitspende.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for tests, on a port fixed before any Spring context
 * starts, and ways to read what it received.
 */
public final class Mailbox {

	private static final int PORT = freePort();

	private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{22,64})");

	private Mailbox() {
	}

	public static GreenMailExtension smtpServer() {
		return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withPerMethodLifecycle(false);
	}

	public static void configure(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	/**
	 * Waits for the first message to an address.
	 * @param smtp the server
	 * @param address the recipient
	 * @return the message
	 */
	public static MimeMessage receivedBy(GreenMailExtension smtp, String address) {
		return allReceivedBy(smtp, address, 1).get(0);
	}

	/**
	 * Waits until an address has received the given number of messages.
	 * @param smtp the server
	 * @param address the recipient
	 * @param count how many to wait for
	 * @return the messages, oldest first
	 */
	public static List<MimeMessage> allReceivedBy(GreenMailExtension smtp, String address, int count) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> to(smtp, address).size() >= count);
		return to(smtp, address);
	}

	public static String text(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/**
	 * The token of the first link with the given path in a message.
	 * @param message the message
	 * @param path e.g. "/h/verify/"
	 * @return the token
	 */
	public static String linkToken(MimeMessage message, String path) {
		String text = text(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = TOKEN.matcher(text.substring(text.indexOf(path) + path.length()));
		if (!matcher.lookingAt()) {
			throw new AssertionError("No link " + path + " in: " + text);
		}
		return matcher.group(1);
	}

	private static List<MimeMessage> to(GreenMailExtension smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().contains(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
