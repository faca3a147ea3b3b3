package org.zeitspende.rotation;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How evenly the asks spread over the helpers: how many times each helper in the rotation
 * was picked, as a distribution. Counts only, never who.
 *
 * @param helpers helpers in the rotation or ever picked
 * @param min fewest picks of any helper
 * @param max most picks of any helper
 * @param mean picks per helper
 * @param histogram number of picks, then number of helpers picked that often
 */
record Fairness(long helpers, long min, long max, double mean, SortedMap<Long, Long> histogram) {

	Fairness {
		histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
	}

	static Fairness of(Map<String, Long> picksByHelper) {
		TreeMap<Long, Long> histogram = new TreeMap<>();
		long total = 0;
		for (long picks : picksByHelper.values()) {
			histogram.merge(picks, 1L, Long::sum);
			total += picks;
		}
		if (histogram.isEmpty()) {
			return new Fairness(0, 0, 0, 0.0, histogram);
		}
		long helpers = picksByHelper.size();
		return new Fairness(helpers, histogram.firstKey(), histogram.lastKey(), (double) total / helpers, histogram);
	}

}
