package org.zeitspende.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A benchmark's figures as a Markdown table, logged and written to
 * {@code loadtest/results/<time>/<name>.md}.
 */
final class BenchmarkReport {

	private static final Log log = LogFactory.getLog(BenchmarkReport.class);

	private BenchmarkReport() {
	}

	static String row(String measure, String format, Object value) {
		return "| " + measure + " | " + String.format(Locale.ROOT, format, value) + " |";
	}

	static String table(String... rows) {
		return String.join("\n", "| measure | value |", "|---|---|", String.join("\n", rows));
	}

	static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version");
	}

	static void write(String name, String title, String table) throws IOException {
		log.warn("\n" + table);
		// loadtest/run.sh names its own run's folder; alone, a benchmark gets one of its own.
		String given = System.getProperty("benchmark.results", "");
		Path directory = given.isBlank()
				? Path.of("loadtest", "results",
						LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
				: Path.of(given);
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(name + ".md"), "# " + title + "\n\n" + table + "\n");
		log.warn("Wrote " + directory.resolve(name + ".md"));
	}

}
