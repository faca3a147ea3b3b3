import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on loopback that accepts every message and keeps nothing but the count: the
 * email side of the fan-out's stub providers, so that the service's own SMTP adapter (JavaMail,
 * a session per message) is what the fan-out measures. It speaks what a mail client needs
 * (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and one verb of its own, XCOUNT, which answers
 * "250 <messages accepted so far>".
 *
 * <pre>java SmtpSink --port 58025</pre>
 */
public final class SmtpSink {

	private static final AtomicLong accepted = new AtomicLong();

	private SmtpSink() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2 || !"--port".equals(args[0])) {
			System.err.println("usage: java SmtpSink --port <port>");
			System.exit(2);
		}
		int port = Integer.parseInt(args[1]);
		ExecutorService sessions = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "smtp-session");
			thread.setDaemon(true);
			return thread;
		});
		try (ServerSocket server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress())) {
			System.out.println("SMTP sink on 127.0.0.1:" + port);
			while (true) {
				Socket socket = server.accept();
				sessions.execute(() -> session(socket));
			}
		}
	}

	private static void session(Socket socket) {
		try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 127.0.0.1 SMTP sink");
			for (String line = readLine(in); line != null; line = readLine(in)) {
				String verb = ((line.length() < 4) ? line : line.substring(0, 4)).toUpperCase();
				switch (verb) {
					case "EHLO" -> reply(out, "250-127.0.0.1\r\n250 8BITMIME");
					case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						if (!skipData(in)) {
							return;
						}
						reply(out, "250 OK queued as " + accepted.incrementAndGet());
					}
					case "XCOU" -> reply(out, "250 " + accepted.get());
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					default -> reply(out, "502 Command not implemented");
				}
			}
		}
		catch (IOException ex) {
			// The client went away: nothing to keep.
		}
	}

	// Reads the message up to the line with a single dot; false when the connection ends first.
	private static boolean skipData(InputStream in) throws IOException {
		for (String line = readLine(in); line != null; line = readLine(in)) {
			if (line.equals(".")) {
				return true;
			}
		}
		return false;
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return null;
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

}
