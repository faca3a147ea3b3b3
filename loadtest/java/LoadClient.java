import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The load client of {@code loadtest/run.sh}, run with the JDK's source launcher (no build
 * step, no dependency). Traffic goes to 127.0.0.1 only.
 * <p>
 * {@code burst}: every request on a connection of its own, all opened at once from one
 * selector thread ({@code Connection: close}). A request's latency runs from the start of
 * its connect to the last byte of its response; the drain time from the first connect to
 * the last response. Nothing is retried: a refused or reset connection counts as an error.
 * <p>
 * {@code rate}: an open model over kept-alive connections (256 unless
 * {@code --connections}), one request at a time on each, all from one selector thread.
 * Request i is due at start + i / rate whatever the answers before it did; its latency runs
 * from when it was due (not from when it was sent) to its response, so a stalled server,
 * or every connection busy, shows in the figures instead of slowing the client down.
 * The clock starts once every connection stands; {@code --warmup} seconds of requests at
 * the same rate go first and are left out of the figures.
 * <p>
 * Both write a JSON summary; {@code burst} also writes one line per request (token,
 * status, outcome) for the invariant checks.
 */
public final class LoadClient {

	private LoadClient() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		switch (args[0]) {
			case "burst" -> burst(options);
			case "rate" -> rate(options);
			default -> throw new IllegalArgumentException("burst or rate, not " + args[0]);
		}
	}

	// --- burst ---

	private static void burst(Map<String, String> options) throws IOException {
		int port = Integer.parseInt(options.get("port"));
		List<String> paths = paths(options);
		String method = options.getOrDefault("method", "GET");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("timeout", "60")));
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
		int count = paths.size();
		long[] started = new long[count];
		long[] finished = new long[count];
		int[] status = new int[count];
		String[] outcome = new String[count];
		String[] error = new String[count];
		ByteArrayOutputStream[] responses = new ByteArrayOutputStream[count];
		ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
		int done = 0;
		long first;
		try (Selector selector = Selector.open()) {
			first = System.nanoTime();
			for (int i = 0; i < count; i++) {
				started[i] = System.nanoTime();
				try {
					SocketChannel channel = SocketChannel.open();
					channel.configureBlocking(false);
					channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
					String request = method + " " + paths.get(i) + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
							+ "\r\nAccept: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
					Call call = new Call(i, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
					if (channel.connect(address)) {
						channel.register(selector, SelectionKey.OP_WRITE, call);
					}
					else {
						channel.register(selector, SelectionKey.OP_CONNECT, call);
					}
				}
				catch (IOException ex) {
					error[i] = "open: " + ex.getMessage();
					finished[i] = System.nanoTime();
					done++;
				}
			}
			while (done < count && System.nanoTime() < deadline) {
				selector.select(100);
				Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					Call call = (Call) key.attachment();
					SocketChannel channel = (SocketChannel) key.channel();
					try {
						if (key.isConnectable()) {
							channel.finishConnect();
							key.interestOps(SelectionKey.OP_WRITE);
						}
						else if (key.isWritable()) {
							channel.write(call.request);
							if (!call.request.hasRemaining()) {
								key.interestOps(SelectionKey.OP_READ);
							}
						}
						else if (key.isReadable()) {
							buffer.clear();
							int read = channel.read(buffer);
							if (read > 0) {
								ByteArrayOutputStream response = responses[call.index];
								if (response == null) {
									response = new ByteArrayOutputStream(512);
									responses[call.index] = response;
								}
								if (response.size() < 16 * 1024) {
									buffer.flip();
									byte[] bytes = new byte[buffer.remaining()];
									buffer.get(bytes);
									response.write(bytes);
								}
							}
							else if (read < 0) {
								finished[call.index] = System.nanoTime();
								key.cancel();
								channel.close();
								done++;
							}
						}
					}
					catch (IOException ex) {
						finished[call.index] = System.nanoTime();
						error[call.index] = ex.getClass().getSimpleName() + ": " + ex.getMessage();
						key.cancel();
						channel.close();
						done++;
					}
				}
			}
			for (SelectionKey key : selector.keys()) {
				key.channel().close();
			}
		}
		long end = System.nanoTime();
		long last = first;
		List<Double> latencies = new ArrayList<>(count);
		Map<String, Integer> statuses = new TreeMap<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		int errors = 0;
		int timeouts = 0;
		for (int i = 0; i < count; i++) {
			if (finished[i] == 0) {
				// Unanswered at the deadline: counted with the time waited so far, so drain and
				// percentiles are lower bounds rather than figures of the lucky ones only.
				timeouts++;
				statuses.merge("timeout", 1, Integer::sum);
				last = end;
				latencies.add((end - started[i]) / 1e6);
				continue;
			}
			String text = (responses[i] != null) ? responses[i].toString(StandardCharsets.ISO_8859_1) : "";
			status[i] = statusOf(text);
			outcome[i] = outcomeOf(text);
			if (status[i] == 0) {
				errors++;
				statuses.merge("error", 1, Integer::sum);
				continue;
			}
			last = Math.max(last, finished[i]);
			latencies.add((finished[i] - started[i]) / 1e6);
			statuses.merge(Integer.toString(status[i]), 1, Integer::sum);
			if (outcome[i] != null) {
				outcomes.merge(outcome[i], 1, Integer::sum);
			}
		}
		Map<String, List<String>> byToken = new HashMap<>();
		List<String> lines = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String token = paths.get(i);
			byToken.computeIfAbsent(token, (key) -> new ArrayList<>()).add(status[i] + "/" + outcome[i]);
			lines.add(token + " " + status[i] + " " + outcome[i] + ((error[i] != null) ? " " + error[i] : ""));
		}
		int repeated = 0;
		int repeatMismatches = 0;
		for (List<String> answers : byToken.values()) {
			if (answers.size() > 1) {
				repeated++;
				// Only answers count: a click that got none, or an error, has nothing to compare.
				if (answers.stream().filter((answer) -> answer.startsWith("200/")).distinct().count() > 1) {
					repeatMismatches++;
				}
			}
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("requests", count);
		summary.put("answered", count - errors - timeouts);
		summary.put("errors", errors);
		summary.put("timeouts", timeouts);
		summary.put("drain_ms", Figures.round((last - first) / 1e6));
		Figures.putPercentiles(summary, latencies);
		summary.put("statuses", statuses);
		summary.put("outcomes", outcomes);
		summary.put("repeated_paths", repeated);
		summary.put("repeat_mismatches", repeatMismatches);
		Figures.write(options, summary, lines);
	}

	private static List<String> paths(Map<String, String> options) throws IOException {
		String template = options.get("path");
		List<String> paths = new ArrayList<>();
		if (options.containsKey("tokens")) {
			List<String> tokens = Files.readAllLines(Path.of(options.get("tokens")))
				.stream()
				.filter((line) -> !line.isBlank())
				.toList();
			for (String token : tokens) {
				paths.add(template.replace("{token}", token.strip()));
			}
			// The same clicks again, at random moments of the same burst.
			double duplicates = Double.parseDouble(options.getOrDefault("duplicates", "0"));
			Random random = new Random(Long.parseLong(options.getOrDefault("seed", "1")));
			int extra = (int) Math.round(tokens.size() * duplicates);
			for (int i = 0; i < extra; i++) {
				paths.add(paths.get(random.nextInt(tokens.size())));
			}
			Collections.shuffle(paths, random);
		}
		else {
			int count = Integer.parseInt(options.get("count"));
			for (int i = 0; i < count; i++) {
				paths.add(template);
			}
		}
		return paths;
	}

	private static int statusOf(String response) {
		if (!response.startsWith("HTTP/1.")) {
			return 0;
		}
		int space = response.indexOf(' ');
		return Integer.parseInt(response.substring(space + 1, space + 4));
	}

	private static String outcomeOf(String response) {
		int at = response.indexOf("\"outcome\":\"");
		if (at < 0) {
			return null;
		}
		int from = at + "\"outcome\":\"".length();
		return response.substring(from, response.indexOf('"', from));
	}

	private record Call(int index, ByteBuffer request) {
	}

	// --- rate ---

	private static void rate(Map<String, String> options) throws IOException {
		int port = Integer.parseInt(options.get("port"));
		double rate = Double.parseDouble(options.get("rate"));
		double seconds = Double.parseDouble(options.get("duration"));
		int connections = Integer.parseInt(options.getOrDefault("connections", "256"));
		String method = options.getOrDefault("method", "GET");
		List<String> tokens = Files.readAllLines(Path.of(options.get("tokens")))
			.stream()
			.filter((line) -> !line.isBlank())
			.toList();
		// Requests of the warm-up go at the same rate, first, and are not counted: the
		// client's own JIT and the first use of each connection slowed the first second.
		int warmup = (int) Math.round(rate * Double.parseDouble(options.getOrDefault("warmup", "0")));
		int count = (int) Math.min(tokens.size(), warmup + Math.round(rate * seconds));
		if (count <= warmup) {
			throw new IllegalArgumentException(tokens.size() + " tokens leave none for the measurement");
		}
		if (count < warmup + Math.round(rate * seconds)) {
			System.err.printf(Locale.ROOT, "%d tokens last %.1f s of the %.1f s asked for%n", tokens.size(),
					(count - warmup) / rate, seconds);
		}
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
		double[] latencies = new double[count];
		Arrays.fill(latencies, -1);
		int[] status = new int[count];
		Map<String, Integer> outcomes = new TreeMap<>();
		int failures = 0;
		int answered = 0;
		long intervalNanos = (long) (1e9 / rate);
		ArrayDeque<Integer> due = new ArrayDeque<>();
		ArrayDeque<Connection> idle = new ArrayDeque<>();
		ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
		int next = 0;
		long start;
		long lastSent;
		try (Selector selector = Selector.open()) {
			for (int c = 0; c < connections; c++) {
				connect(selector, address, idle);
			}
			awaitConnected(selector, idle, connections);
			start = System.nanoTime();
			lastSent = start;
			long deadline = start + (long) ((warmup / rate + seconds) * 1e9) + TimeUnit.SECONDS.toNanos(60);
			while (answered < count && System.nanoTime() < deadline) {
				long now = System.nanoTime();
				while (next < count && start + next * intervalNanos <= now) {
					due.add(next++);
				}
				while (!due.isEmpty() && !idle.isEmpty()) {
					Connection connection = idle.poll();
					int index = due.poll();
					String path = options.get("path").replace("{token}", tokens.get(index).strip());
					connection.send(index, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
							+ "\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n");
					lastSent = System.nanoTime();
				}
				// Waits for answers until the next request is due, rounded up to the
				// millisecond (it then goes up to 1 ms late, which counts as its latency), or
				// for a connection to come free. Polling instead kept one of the two cores
				// busy at 1,000 requests/s.
				long untilNext = (next < count) ? start + next * intervalNanos - System.nanoTime() : 100_000_000;
				if (!due.isEmpty() && idle.isEmpty()) {
					selector.select(100);
				}
				else if (untilNext > 0) {
					selector.select(Math.min(100, (untilNext + 999_999) / 1_000_000));
				}
				else {
					selector.selectNow();
				}
				Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					Connection connection = (Connection) key.attachment();
					try {
						if (key.isConnectable()) {
							connected(key, idle);
						}
						else if (key.isWritable()) {
							connection.flush();
						}
						else if (key.isReadable()) {
							buffer.clear();
							int read = connection.channel.read(buffer);
							if (read < 0) {
								throw new IOException("closed by the server");
							}
							buffer.flip();
							String response = connection.received(buffer);
							if (response != null) {
								int index = connection.index;
								latencies[index] = (System.nanoTime() - (start + index * intervalNanos)) / 1e6;
								status[index] = statusOf(response);
								String outcome = outcomeOf(response);
								if (outcome != null && index >= warmup) {
									outcomes.merge(outcome, 1, Integer::sum);
								}
								answered++;
								connection.index = -1;
								if (response.regionMatches(true, 0, "HTTP/1.0", 0, 8)
										|| response.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
									key.cancel();
									connection.channel.close();
									connect(selector, address, idle);
								}
								else {
									idle.add(connection);
								}
							}
						}
					}
					catch (IOException ex) {
						key.cancel();
						connection.channel.close();
						if (connection.index >= 0) {
							int index = connection.index;
							latencies[index] = (System.nanoTime() - (start + index * intervalNanos)) / 1e6;
							if (index >= warmup) {
								failures++;
							}
							answered++;
						}
						connect(selector, address, idle);
					}
				}
			}
			for (SelectionKey key : selector.keys()) {
				key.channel().close();
			}
		}
		double sendSeconds = (lastSent - start) / 1e9;
		List<Double> measured = new ArrayList<>(count);
		for (int i = warmup; i < count; i++) {
			if (latencies[i] >= 0) {
				measured.add(latencies[i]);
			}
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("requests", count - warmup);
		summary.put("warmup_requests", warmup);
		// The warm-up is only not timed: its answers are judged like the rest.
		summary.put("warmup_statuses", statuses(latencies, status, 0, warmup));
		summary.put("target_rate", Figures.round(rate));
		summary.put("achieved_send_rate", Figures.round(count / Math.max(sendSeconds, 1e-9)));
		summary.put("connections", connections);
		summary.put("failures", failures);
		Figures.putPercentiles(summary, measured);
		summary.put("statuses", statuses(latencies, status, warmup, count));
		summary.put("outcomes", outcomes);
		summary.put("by_second", Figures.bySecond(Arrays.copyOfRange(latencies, warmup, count), intervalNanos));
		Figures.write(options, summary, List.of());
	}

	// Requests from..to by status code; "error" when the connection failed, "timeout" when
	// unanswered.
	private static Map<String, Integer> statuses(double[] latencies, int[] status, int from, int to) {
		Map<String, Integer> statuses = new TreeMap<>();
		for (int i = from; i < to; i++) {
			String key = (latencies[i] < 0) ? "timeout" : (status[i] == 0) ? "error" : Integer.toString(status[i]);
			statuses.merge(key, 1, Integer::sum);
		}
		return statuses;
	}

	// Before the clock starts: all connections stand (at most 10 s).
	private static void awaitConnected(Selector selector, ArrayDeque<Connection> idle, int connections)
			throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (idle.size() < connections && System.nanoTime() < deadline) {
			selector.select(100);
			Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
			while (keys.hasNext()) {
				SelectionKey key = keys.next();
				keys.remove();
				if (key.isConnectable()) {
					connected(key, idle);
				}
			}
		}
		if (idle.size() < connections) {
			throw new IOException((connections - idle.size()) + " connections did not stand within 10 s");
		}
	}

	// A connection whose connect completed waits for its first request.
	private static void connected(SelectionKey key, ArrayDeque<Connection> idle) throws IOException {
		Connection connection = (Connection) key.attachment();
		if (connection.channel.finishConnect()) {
			key.interestOps(SelectionKey.OP_READ);
			idle.add(connection);
		}
	}

	// A connection that is there at once is idle at once; the others once they finish
	// connecting.
	private static void connect(Selector selector, InetSocketAddress address, ArrayDeque<Connection> idle)
			throws IOException {
		SocketChannel channel = SocketChannel.open();
		channel.configureBlocking(false);
		channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
		Connection connection = new Connection(channel);
		if (channel.connect(address)) {
			connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
			idle.add(connection);
		}
		else {
			connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
		}
	}

	/** A kept-alive connection of the open model: one request at a time on it. */
	private static final class Connection {

		private final SocketChannel channel;

		private SelectionKey key;

		private int index = -1;

		private ByteBuffer out;

		private final ByteArrayOutputStream in = new ByteArrayOutputStream(1024);

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		void send(int index, String request) throws IOException {
			this.index = index;
			this.in.reset();
			this.out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
			flush();
		}

		void flush() throws IOException {
			this.channel.write(this.out);
			this.key.interestOps(this.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		// The whole response once it is in (by Content-Length, or the last chunk); else null.
		String received(ByteBuffer bytes) {
			byte[] chunk = new byte[bytes.remaining()];
			bytes.get(chunk);
			this.in.write(chunk, 0, chunk.length);
			String text = this.in.toString(StandardCharsets.ISO_8859_1);
			int headersEnd = text.indexOf("\r\n\r\n");
			if (headersEnd < 0) {
				return null;
			}
			String headers = text.substring(0, headersEnd).toLowerCase(Locale.ROOT);
			int length = headers.indexOf("\r\ncontent-length:");
			if (length >= 0) {
				int from = length + "\r\ncontent-length:".length();
				int to = headers.indexOf("\r\n", from);
				int body = Integer.parseInt(headers.substring(from, (to < 0) ? headers.length() : to).strip());
				return (text.length() >= headersEnd + 4 + body) ? text : null;
			}
			if (headers.contains("\r\ntransfer-encoding: chunked")) {
				return text.endsWith("\r\n0\r\n\r\n") ? text : null;
			}
			return text;
		}

	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
