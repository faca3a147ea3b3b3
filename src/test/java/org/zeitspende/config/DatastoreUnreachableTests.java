package org.zeitspende.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeitspende.testing.SecondInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class DatastoreUnreachableTests {

	@Test
	void unreachablePostgres_failsTheStartNamingIt(CapturedOutput output) throws IOException {
		int closedPort = closedPort();
		assertThatException()
			.isThrownBy(() -> start("spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + closedPort + "/zs",
					"spring.r2dbc.username=zs", "spring.flyway.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/zs",
					"spring.flyway.user=zs", "spring.flyway.password=secret"));
		assertThat(output)
			.contains("PostgreSQL could not be reached at jdbc:postgresql://127.0.0.1:" + closedPort + "/zs")
			.doesNotContain("secret");
	}

	@Test
	void unreachableRedis_failsTheStartNamingIt(CapturedOutput output) throws IOException {
		int closedPort = closedPort();
		assertThatException().isThrownBy(() -> start("spring.data.redis.url=redis://:secret@127.0.0.1:" + closedPort));
		assertThat(output).contains("Redis could not be reached at redis://127.0.0.1:" + closedPort)
			.doesNotContain(":secret@");
	}

	private static void start(String... properties) {
		String[] settings = Arrays.copyOf(properties, properties.length + 1);
		settings[properties.length] = "spring.data.redis.connect-timeout=1s";
		SecondInstance.start(settings).close();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
