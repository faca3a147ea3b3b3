package org.zeitspende.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.zeitspende.security.Role;
import org.zeitspende.testing.AskRows;
import org.zeitspende.testing.AskRows.Asked;
import org.zeitspende.testing.CalloutRows;
import org.zeitspende.testing.IntegrationTest;
import org.zeitspende.testing.SecondInstance;
import org.zeitspende.testing.Tenants;
import org.zeitspende.testing.Tenants.Tenant;
import org.zeitspende.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connections that wait for a request are closed after the idle timeout, so that phones
 * that went away mid-surge do not hold the service's connections for ever; a response in
 * progress, such as a quiet live stream, is not cut. Measured on an instance of its own
 * with a timeout of a second.
 */
@IntegrationTest
class IdleConnectionsIntegrationTests {

	// Long enough that a loaded machine sends a request's headers well within it.
	private static final Duration IDLE = Duration.ofSeconds(1);

	// Far longer than the idle timeout: a read that waits this long and ends met the
	// server's close, not the guard.
	private static final int GUARD_MILLIS = 10_000;

	private static SecondInstance instance;

	@Autowired
	DatabaseClient database;

	@Autowired
	Environment environment;

	@Value("${server.netty.idle-timeout}")
	Duration shipped;

	@BeforeAll
	static void start() {
		// Heartbeats far apart, so that a live stream is quiet for longer than the
		// timeout.
		instance = SecondInstance.start("server.netty.idle-timeout=" + IDLE.toMillis() + "ms",
				"zeitspende.live.heartbeat=1m");
	}

	@AfterAll
	static void stop() {
		instance.close();
	}

	@Test
	void shippedTimeout_outlastsTheMinuteCommonProxiesKeepIdleConnections() {
		assertThat(this.shipped).isGreaterThan(Duration.ofSeconds(60));
	}

	@Test
	void connectionThatSendsNothing_isClosed() throws IOException {
		try (Socket socket = connect()) {
			assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
		}
	}

	@Test
	void keptAliveConnection_isClosedAfterItsResponse() throws IOException {
		try (Socket socket = connect()) {
			send(socket, "GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n");

			// Everything up to the close: the response, then the end of the stream.
			assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("\"UP\"");
		}
	}

	@Test
	void liveStream_quieterThanTheTimeout_staysOpen() throws IOException {
		Tenant tenant = new Tenants(this.database).approved();
		UUID callout = new CalloutRows(this.database).open(tenant.id(), tenant.coordinator().id(),
				Instant.now().plus(Duration.ofDays(1)), 2);
		Asked helper = new AskRows(this.database).asked(callout, 1).get(0);
		String token = Tokens.of(this.environment).member(tenant.coordinator().id(), tenant.id(), Role.COORDINATOR);

		try (Socket socket = connect()) {
			send(socket, "GET /api/callouts/" + callout + "/events HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n");
			InputStream in = socket.getInputStream();
			assertThat(readUntil(in, "event:snapshot")).startsWith("HTTP/1.1 200");

			// The rest of the snapshot, then three times the idle timeout without a
			// byte, and the stream is still there: the read times out instead of
			// meeting its end.
			socket.setSoTimeout((int) IDLE.toMillis() * 3);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> {
				while (true) {
					assertThat(in.read()).as("end of stream").isNotEqualTo(-1);
				}
			});
			socket.setSoTimeout(GUARD_MILLIS);

			accept(helper);
			assertThat(readUntil(in, "event:confirmed")).contains("event:confirmed");
		}
	}

	private static Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", instance.port());
		socket.setSoTimeout(GUARD_MILLIS);
		return socket;
	}

	private static void send(Socket socket, String request) throws IOException {
		socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	private static void accept(Asked helper) throws IOException {
		try (Socket socket = connect()) {
			send(socket, "POST /api/asks/" + helper.token() + "/accept HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Length: 0\r\nConnection: close\r\n\r\n");
			assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("CONFIRMED");
		}
	}

	private static String readToEnd(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static String readUntil(InputStream in, String marker) throws IOException {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		while (!read.toString(StandardCharsets.UTF_8).contains(marker)) {
			int next = in.read();
			assertThat(next).as("stream ended before " + marker).isNotEqualTo(-1);
			read.write(next);
		}
		return read.toString(StandardCharsets.UTF_8);
	}

}
