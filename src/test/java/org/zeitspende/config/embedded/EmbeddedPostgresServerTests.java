package org.zeitspende.config.embedded;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EmbeddedPostgresServerTests {

	private static final Log log = LogFactory.getLog(EmbeddedPostgresServerTests.class);

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() throws SQLException {
		EmbeddedPostgresServer first = EmbeddedPostgresServer.start(this.dataDir, log);
		try {
			execute(first, "create table kept (value text); insert into kept values ('still here')");
		}
		finally {
			first.stop();
		}
		EmbeddedPostgresServer second = EmbeddedPostgresServer.start(this.dataDir, log);
		try {
			assertThat(query(second, "select value from kept")).isEqualTo("still here");
		}
		finally {
			second.stop();
		}
	}

	@Test
	void serverLeftRunningByAKilledJvm_isStoppedAndReplaced() throws Exception {
		Path started = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".started");
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OrphanMaker.class.getName(), this.dataDir.toString(),
				started.toString())
			.redirectOutput(Redirect.DISCARD)
			.redirectError(Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(started) || !jvm.isAlive());
		assertThat(started).exists();
		jvm.destroyForcibly().waitFor();
		long orphanPid = postmasterPid();
		assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isPresent();
		EmbeddedPostgresServer replacement = EmbeddedPostgresServer.start(this.dataDir, log);
		try {
			assertThat(query(replacement, "select 'answering'")).isEqualTo("answering");
			assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
		}
		finally {
			replacement.stop();
		}
	}

	@Test
	void asRoot_runsTheServerInAUserNamespace() throws Exception {
		assumeTrue("root".equals(System.getProperty("user.name")), "only meaningful when the tests run as root");
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, log);
		try {
			Path serverNamespace = Files
				.readSymbolicLink(Path.of("/proc", String.valueOf(postmasterPid()), "ns", "user"));
			assertThat(serverNamespace).isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/user")));
			assertThat(query(server, "select current_user")).isEqualTo("postgres");
		}
		finally {
			server.stop();
		}
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim());
	}

	private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = connect(server);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", "postgres",
				"");
	}

}
