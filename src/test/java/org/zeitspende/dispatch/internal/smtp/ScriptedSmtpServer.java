package org.zeitspende.dispatch.internal.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers from a script, to see what real SMTP replies become. Each
 * queued reply is used once, in order; then it accepts. An empty reply closes the
 * connection without answering. Each connection is served by a thread of its own.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	static final String ACCEPT = "250 OK";

	private final ServerSocket server;

	private final Thread acceptor;

	final Queue<String> greetings = new ConcurrentLinkedQueue<>();

	final Queue<String> recipientReplies = new ConcurrentLinkedQueue<>();

	final Queue<String> dataReplies = new ConcurrentLinkedQueue<>();

	final Queue<String> noopReplies = new ConcurrentLinkedQueue<>();

	final AtomicInteger recipientCommands = new AtomicInteger();

	final AtomicInteger messages = new AtomicInteger();

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger quits = new AtomicInteger();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	ScriptedSmtpServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::serve, "scripted-smtp");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Closes every open connection without a word, as a server does with idle ones.
	 */
	void dropConnections() throws IOException {
		for (Socket socket : this.open) {
			socket.close();
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		dropConnections();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				this.open.add(socket);
				Thread connection = new Thread(() -> serve(socket), "scripted-smtp-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				// Closed by the test.
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			converse(socket);
		}
		catch (IOException ex) {
			// Closed by the test or by the client.
		}
		finally {
			this.open.remove(socket);
		}
	}

	private void converse(Socket socket) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
		if (!reply(out, next(this.greetings, "220 scripted ESMTP"))) {
			return;
		}
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase();
			String answer;
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				answer = "250 scripted";
			}
			else if (command.startsWith("RCPT")) {
				this.recipientCommands.incrementAndGet();
				answer = next(this.recipientReplies, ACCEPT);
			}
			else if (command.startsWith("DATA")) {
				reply(out, "354 End data with <CR><LF>.<CR><LF>");
				skipMessage(in);
				answer = next(this.dataReplies, ACCEPT);
				if (ACCEPT.equals(answer)) {
					this.messages.incrementAndGet();
				}
			}
			else if (command.startsWith("NOOP")) {
				answer = next(this.noopReplies, ACCEPT);
			}
			else if (command.startsWith("QUIT")) {
				this.quits.incrementAndGet();
				reply(out, "221 Bye");
				return;
			}
			else {
				answer = ACCEPT;
			}
			if (!reply(out, answer)) {
				return;
			}
		}
	}

	private static void skipMessage(BufferedReader in) throws IOException {
		for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
			// The content does not matter here.
		}
	}

	private static String next(Queue<String> replies, String otherwise) {
		return replies.isEmpty() ? otherwise : replies.poll();
	}

	private static boolean reply(Writer out, String answer) throws IOException {
		if (answer == null || answer.isEmpty()) {
			return false;
		}
		out.write(answer + "\r\n");
		out.flush();
		return true;
	}

}
