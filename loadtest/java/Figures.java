import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load client's figures: percentiles, the per-second breakdown and the JSON summary.
 */
final class Figures {

	private Figures() {
	}

	// Per second of the schedule: requests due, their p99 and slowest answer, so that a
	// stall shows when it happened rather than only in the percentiles.
	static List<Map<String, Object>> bySecond(double[] latencies, long intervalNanos) {
		int perSecond = (int) Math.max(1, 1_000_000_000L / intervalNanos);
		List<Map<String, Object>> seconds = new ArrayList<>();
		for (int from = 0; from < latencies.length; from += perSecond) {
			List<Double> second = new ArrayList<>(perSecond);
			for (int i = from; i < Math.min(latencies.length, from + perSecond); i++) {
				if (latencies[i] >= 0) {
					second.add(latencies[i]);
				}
			}
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("second", seconds.size());
			figures.put("due", Math.min(latencies.length, from + perSecond) - from);
			putPercentiles(figures, second);
			seconds.add(figures);
		}
		return seconds;
	}

	static void putPercentiles(Map<String, Object> summary, List<Double> latencies) {
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		summary.put("p50_ms", round(percentile(sorted, 0.50)));
		summary.put("p90_ms", round(percentile(sorted, 0.90)));
		summary.put("p99_ms", round(percentile(sorted, 0.99)));
		summary.put("max_ms", round((sorted.length == 0) ? 0 : sorted[sorted.length - 1]));
	}

	// Nearest rank.
	static double percentile(double[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(quantile * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static void write(Map<String, String> options, Map<String, Object> summary, List<String> lines)
			throws IOException {
		String json = json(summary);
		Files.writeString(Path.of(options.get("out")), json + "\n");
		if (options.containsKey("lines")) {
			Files.write(Path.of(options.get("lines")), lines);
		}
		System.out.println(json);
	}

	static String json(Object value) {
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (out.length() > 1) {
					out.append(", ");
				}
				out.append('"').append(entry.getKey()).append("\": ").append(json(entry.getValue()));
			}
			return out.append('}').toString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Figures::json).collect(Collectors.joining(", ", "[", "]"));
		}
		if (value instanceof Number number) {
			return String.format(Locale.ROOT, "%s", number);
		}
		return "\"" + value + "\"";
	}

}
