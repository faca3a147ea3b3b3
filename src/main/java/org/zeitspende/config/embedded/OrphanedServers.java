package org.zeitspende.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;

/**
 * Stops embedded servers that an earlier JVM left running when it was killed without a
 * chance to stop them. Such a server still holds its data directory, so a new one could
 * not start there.
 */
final class OrphanedServers {

	private OrphanedServers() {
	}

	static void stopAll(Path dataDir, Log log) {
		stop(dataDir.resolve("postgres").resolve("postmaster.pid"), "postgres", log);
		stop(dataDir.resolve("redis").resolve("redis.pid"), "redis", log);
	}

	static void stop(Path pidFile, String commandName, Log log) {
		pid(pidFile).flatMap(ProcessHandle::of)
			.filter((process) -> process.info().command().orElse("").contains(commandName))
			.ifPresent((process) -> stop(process, log));
	}

	private static void stop(ProcessHandle process, Log log) {
		log.warn("Stopping an orphaned embedded server (pid " + process.pid() + ") left by an earlier run");
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
		}
	}

	private static Optional<Long> pid(Path pidFile) {
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
